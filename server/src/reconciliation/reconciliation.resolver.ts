import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { principalOf } from '../graphql/auth.js';
import { ReconciliationFindingGql, ReconciliationRunGql } from './reconciliation.graphql.js';
import { IdArg } from '../graphql/validation.js';

@Resolver(() => ReconciliationRunGql)
export class ReconciliationResolver {
  @Authorized('reconciliation.read')
  @Query(() => [ReconciliationRunGql], { description: 'Reconciliation runs, newest first (FINANCE+)' })
  async reconciliationRuns(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<ReconciliationRunGql[]> {
    return ctx.services.reconciliation.runs(first);
  }

  @Authorized('reconciliation.read')
  @Query(() => ReconciliationRunGql, { description: 'One reconciliation run, with its progress (FINANCE+)' })
  async reconciliationRun(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<ReconciliationRunGql> {
    return ctx.services.reconciliation.run(id);
  }

  @Authorized('reconciliation.run')
  @Mutation(() => ReconciliationRunGql, {
    description:
      'Runs reconciliation now (FINANCE+, audited). day: UTC "YYYY-MM-DD", default today. wait: answer when finished, else at once (poll reconciliationRun).',
  })
  async runReconciliation(
    @Arg('day', () => String, { nullable: true }) day: string | null,
    @Arg('wait', () => Boolean, { defaultValue: false }) wait: boolean,
    @Ctx() ctx: Context,
  ): Promise<ReconciliationRunGql> {
    const started = await ctx.services.reconciliation.start('MANUAL', day, principalOf(ctx));
    return wait ? started.done : started.run;
  }

  @Authorized('reconciliation.read')
  @FieldResolver(() => [ReconciliationFindingGql])
  async findings(
    @Root() run: ReconciliationRunGql,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<ReconciliationFindingGql[]> {
    return ctx.services.reconciliation.findings(run.id, first);
  }
}
