import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { pageWindow, toOffsetConnection } from '../graphql/offset-paging.js';
import { CreateStaffUserInput, StaffUserConnectionGql, StaffUserGql, UpdateStaffUserInput } from './staff.graphql.js';
import { IdArg } from '../graphql/validation.js';

/** Staff users: ADMIN only, every change audited with the admin as actor. */
@Resolver(() => StaffUserGql)
export class StaffResolver {
  @Authorized('staff.manage')
  @Query(() => StaffUserConnectionGql, { description: 'Staff users by email (ADMIN); search matches email or name' })
  async staffUsers(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
  ): Promise<StaffUserConnectionGql> {
    const page = await ctx.services.staff.list({ search, ...pageWindow(first, after, offset) });
    return toOffsetConnection(page, (u) => u);
  }

  @Authorized('staff.manage')
  @Query(() => StaffUserGql, { description: 'One staff user (ADMIN)' })
  async staffUser(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<StaffUserGql> {
    return await ctx.services.staff.get(id);
  }

  @Authorized('staff.manage')
  @Mutation(() => StaffUserGql, { description: 'ADMIN, audited' })
  async createStaffUser(@Arg('input', () => CreateStaffUserInput) input: CreateStaffUserInput, @Ctx() ctx: Context): Promise<StaffUserGql> {
    return await ctx.services.staff.create(principalOf(ctx), input);
  }

  @Authorized('staff.manage')
  @Mutation(() => StaffUserGql, { description: 'Role, name, disabled flag or password (ADMIN, audited); the last active ADMIN stays' })
  async updateStaffUser(@Arg('input', () => UpdateStaffUserInput) input: UpdateStaffUserInput, @Ctx() ctx: Context): Promise<StaffUserGql> {
    return await ctx.services.staff.update(principalOf(ctx), input);
  }
}
