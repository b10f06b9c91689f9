import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requireRole } from '../graphql/guards.js';
import { clampLimit, utcDay } from './finance.rules.js';
import { ReconciliationFindingGql, ReconciliationRunGql, toFindingGql, toRunGql } from './reconciliation.graphql.js';

@Resolver(() => ReconciliationRunGql)
export class ReconciliationResolver {
  @Query(() => [ReconciliationRunGql], { description: 'Reconciliation runs, newest first (FINANCE+)' })
  async reconciliationRuns(@Arg('first', () => Int, { nullable: true }) first: number | null, @Ctx() ctx: Context): Promise<ReconciliationRunGql[]> {
    requireRole(ctx, 'FINANCE');
    return (await ctx.services.reconciliation.runs(clampLimit(first, 20))).map(toRunGql);
  }

  @Query(() => ReconciliationRunGql, { description: 'One reconciliation run, with its progress (FINANCE+)' })
  async reconciliationRun(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ReconciliationRunGql> {
    requireRole(ctx, 'FINANCE');
    return toRunGql(await ctx.services.reconciliation.run(id));
  }

  @Mutation(() => ReconciliationRunGql, {
    description: 'Runs reconciliation now (ADMIN). day: UTC "YYYY-MM-DD", default today. wait: answer when finished, else at once (poll reconciliationRun).',
  })
  async runReconciliation(
    @Arg('day', () => String, { nullable: true }) day: string | null,
    @Arg('wait', () => Boolean, { defaultValue: false }) wait: boolean,
    @Ctx() ctx: Context,
  ): Promise<ReconciliationRunGql> {
    const principal = requireRole(ctx, 'ADMIN');
    const started = await ctx.services.reconciliation.start('MANUAL', day ?? utcDay(new Date()), principal);
    if (wait) return toRunGql(await started.done);
    started.done.catch(() => undefined);
    return toRunGql(started.run);
  }

  @FieldResolver(() => [ReconciliationFindingGql])
  async findings(@Root() run: ReconciliationRunGql, @Arg('first', () => Int, { nullable: true }) first: number | null, @Ctx() ctx: Context): Promise<ReconciliationFindingGql[]> {
    requireRole(ctx, 'FINANCE');
    return (await ctx.services.reconciliation.findings(run.id, clampLimit(first, 100, 1000))).map(toFindingGql);
  }
}
