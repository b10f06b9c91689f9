import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { SortDirectionEnum, pageWindow, toOffsetConnection } from '../graphql/offset-paging.js';
import { AuditEntryConnectionGql, AuditEntryGql, AuditLogFilter, toAuditEntryGql } from './audit-log.graphql.js';

/** The audit log for finance and admins (FINANCE+); the same filter exports as CSV at GET /audit-log.csv. */
@Resolver()
export class AuditLogResolver {
  @Authorized('audit.read')
  @Query(() => AuditEntryConnectionGql, {
    description: 'Audit entries, newest first by default, filtered by actor, action, target and date (FINANCE+)',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.DESC }) direction: SortDirectionEnum,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
  ): Promise<AuditEntryConnectionGql> {
    const page = await ctx.services.auditLog.list(filter ?? {}, pageWindow(first, after, offset), direction);
    return toOffsetConnection(page, toAuditEntryGql);
  }

  @Authorized('audit.read')
  @Query(() => AuditEntryGql, { nullable: true, description: 'One audit entry (FINANCE+)' })
  async auditEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AuditEntryGql | null> {
    const entry = await ctx.services.auditLog.get(id);
    return entry ? toAuditEntryGql(entry) : null;
  }

  @Authorized('audit.read')
  @Query(() => [String], { description: 'Every action name in the audit log, for the filter (FINANCE+)' })
  async auditActions(@Ctx() ctx: Context): Promise<string[]> {
    return ctx.services.auditLog.actions();
  }
}
