import { Arg, Authorized, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { SortDirectionEnum, pageWindow, toOffsetConnection } from '../graphql/offset-paging.js';
import { PurchaseGql, PurchaseStatusEnum } from './billing.graphql.js';
import type { PurchaseStatus } from './billing.types.js';
import { IsId } from '../graphql/validation.js';

@ObjectType('PurchaseConnection')
export class PurchaseConnectionGql extends ConnectionType('Purchase', PurchaseGql) {}

export enum PurchaseOrderByEnum {
  CREATED_AT = 'CREATED_AT',
  AMOUNT = 'AMOUNT',
}
registerEnumType(PurchaseOrderByEnum, { name: 'PurchaseOrderBy' });

@InputType({ description: 'Every given field must match; from is inclusive, to exclusive' })
export class PurchaseFilter {
  @Field(() => PurchaseStatusEnum, { nullable: true }) status?: PurchaseStatus | null;
  @IsId()
  @Field(() => ID, { nullable: true })
  accountId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Only PENDING purchases that reached Stripe and are older than this many minutes' })
  staleAfterMinutes?: number | null;
}

/** Purchases of every account for the console (SUPPORT+). */
@Resolver()
export class PurchasesAdminResolver {
  @Authorized('billing.inspect')
  @Query(() => PurchaseConnectionGql, {
    description: 'Purchases of all accounts by status, account and date; stale ones with staleAfterMinutes (SUPPORT+)',
  })
  async purchases(
    @Ctx() ctx: Context,
    @Arg('filter', () => PurchaseFilter, { nullable: true }) filter: PurchaseFilter | null,
    @Arg('orderBy', () => PurchaseOrderByEnum, { defaultValue: PurchaseOrderByEnum.CREATED_AT }) orderBy: PurchaseOrderByEnum,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.DESC }) direction: SortDirectionEnum,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
  ): Promise<PurchaseConnectionGql> {
    const page = await ctx.services.billing.purchasesAdmin.list(filter ?? {}, orderBy, direction, pageWindow(first, after, offset));
    return toOffsetConnection(page, (purchase) => purchase);
  }
}
