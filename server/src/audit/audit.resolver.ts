import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { AuditChainStatusGql } from './audit.graphql.js';

@Resolver()
export class AuditResolver {
  @Authorized('audit.chain')
  @Query(() => AuditChainStatusGql, { description: "Verifies the audit log's hash chain (ADMIN)" })
  async auditChain(@Ctx() ctx: Context): Promise<AuditChainStatusGql> {
    return ctx.services.auditChain();
  }
}
