import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../auth/roles.js';
import type { Context } from '../graphql/context.js';
import { AuditChainStatusGql, toAuditChainGql } from './audit.graphql.js';

@Resolver()
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditChainStatusGql, { description: "Verifies the audit log's hash chain (ADMIN)" })
  async auditChain(@Ctx() ctx: Context): Promise<AuditChainStatusGql> {
    return toAuditChainGql(await ctx.services.auditChain());
  }
}
