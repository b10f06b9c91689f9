import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requireRole } from '../graphql/guards.js';
import { AuditChainStatusGql, toAuditChainGql } from './audit.graphql.js';

@Resolver()
export class AuditResolver {
  @Query(() => AuditChainStatusGql, { description: "Verifies the audit log's hash chain (ADMIN)" })
  async auditChain(@Ctx() ctx: Context): Promise<AuditChainStatusGql> {
    requireRole(ctx, 'ADMIN');
    return toAuditChainGql(await ctx.services.auditChain());
  }
}
