import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../graphql/enums.js';
import { MillicreditsScalar } from '../graphql/scalars.js';
import type { CheckSummary, Finding } from './reconciliation.rules.js';

export const RECONCILIATION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];
export type ReconciliationTrigger = 'SCHEDULED' | 'MANUAL';

const ReconciliationStatusEnum = graphqlEnum(RECONCILIATION_STATUSES, { name: 'ReconciliationStatus' });

/** One check's summary on its run (the run's `checks` jsonb). */
@ObjectType('ReconciliationCheck')
class ReconciliationCheckGql implements CheckSummary {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'OK, MISMATCH, SKIPPED or FAILED' }) status!: CheckSummary['status'];
  @Field(() => Int) findings!: number;
  @Field(() => String, { nullable: true }) note?: string;
}

/** A reconciliation run: the row and the GraphQL `ReconciliationRun` in one class. */
@ObjectType('ReconciliationRun')
@Entity({ tableName: 'reconciliation_runs', repository: () => ReconciliationRunsRepository })
export class ReconciliationRunEntity {
  [EntityRepositoryType]?: ReconciliationRunsRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: Opt<string>;

  @Field(() => String, { description: 'The UTC day reconciled (balances and zero-sum are checked over all time)' })
  @Property({ type: 'date' })
  day!: string;

  @Field(() => String, { description: 'SCHEDULED or MANUAL' })
  @Property({ type: 'text' })
  trigger!: ReconciliationTrigger;

  @Field(() => ReconciliationStatusEnum)
  @Property({ type: 'text' })
  status!: ReconciliationStatus;

  @Property({ type: 'uuid', nullable: true })
  actorKeyId!: string | null;

  @Field(() => String, { nullable: true, description: 'The check running now' })
  @Property({ type: 'text', nullable: true })
  step!: string | null;

  @Field(() => Int)
  @Property({ type: 'int', defaultRaw: '0' })
  progressDone!: Opt<number>;

  @Field(() => Int)
  @Property({ type: 'int', defaultRaw: '0' })
  progressTotal!: Opt<number>;

  @Field(() => [ReconciliationCheckGql])
  @Property({ type: 'json', defaultRaw: `'[]'::jsonb` })
  checks!: Opt<CheckSummary[]>;

  @Field(() => Int)
  @Property({ type: 'int', defaultRaw: '0' })
  mismatchCount!: Opt<number>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error!: Opt<string | null>;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  startedAt!: Opt<Date>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt!: Opt<Date | null>;
}

export type ReconciliationRun = ReconciliationRunEntity;

/** `reconciliation_runs`: progress and the outcome are written by the run as it goes. */
export class ReconciliationRunsRepository extends EntityRepository<ReconciliationRunEntity> {
  async start(day: string, trigger: ReconciliationTrigger, actorKeyId: string | null): Promise<string> {
    const run = this.create({ day, trigger, status: 'RUNNING', actorKeyId, step: 'starting' });
    await this.getEntityManager().persistAndFlush(run);
    return run.id;
  }

  byId(id: string): Promise<ReconciliationRunEntity | null> {
    return this.findOne({ id }, { disableIdentityMap: true });
  }

  newest(limit: number): Promise<ReconciliationRunEntity[]> {
    return this.find({}, { orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], limit, disableIdentityMap: true });
  }

  /** Whether a scheduled run already covered `day` (the daily job runs once per day). */
  async hasScheduled(day: string): Promise<boolean> {
    return (await this.count({ day, trigger: 'SCHEDULED', status: { $ne: 'FAILED' } })) > 0;
  }

  async recordProgress(runId: string, step: string, done?: number, total?: number): Promise<void> {
    // One statement: the run's row is not in this EntityManager's identity map (the run goes on in a fork).
    await this.getEntityManager().execute(
      `update reconciliation_runs set step = ?, progress_done = coalesce(?::int, progress_done), progress_total = coalesce(?::int, progress_total) where id = ?::uuid`,
      [step, done ?? null, total ?? null, runId],
    );
  }

  async finish(
    runId: string,
    outcome: { status: 'SUCCEEDED' | 'FAILED'; checks: CheckSummary[]; mismatches: number; error?: string },
  ): Promise<void> {
    await this.getEntityManager().execute(
      `update reconciliation_runs set status = ?, step = null, error = ?, checks = ?::jsonb, mismatch_count = ?::int, finished_at = now() where id = ?::uuid`,
      [outcome.status, outcome.error?.slice(0, 500) ?? null, JSON.stringify(outcome.checks), outcome.mismatches, runId],
    );
  }
}

/** A finding of a run (append-only): the row and the GraphQL `ReconciliationFinding` in one class. */
@ObjectType('ReconciliationFinding')
@Entity({ tableName: 'reconciliation_findings', repository: () => ReconciliationFindingsRepository })
export class ReconciliationFindingEntity implements Finding {
  [EntityRepositoryType]?: ReconciliationFindingsRepository;

  /** `bigint generated always as identity`, as a string. */
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', columnType: 'bigint', autoincrement: false })
  id!: string;

  @Property({ type: 'uuid' })
  runId!: string;

  @Field(() => String)
  @Property({ type: 'text', fieldName: 'check_name' })
  check!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  accountId!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  expected!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actual!: string | null;

  @Field(() => MillicreditsScalar, { nullable: true })
  @Property({ type: new BigIntType('bigint'), nullable: true })
  driftMillicredits!: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  driftTokens!: bigint | null;

  @Property({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field(() => String, { name: 'driftTokens', nullable: true })
  get driftTokensText(): string | null {
    return this.driftTokens?.toString() ?? null;
  }
}

export type StoredFinding = ReconciliationFindingEntity;

/** `reconciliation_findings`, append-only (a trigger rejects updates and deletes). */
export class ReconciliationFindingsRepository extends EntityRepository<ReconciliationFindingEntity> {
  /** One statement per batch of findings (jsonb_to_recordset), not one insert per finding. */
  async store(runId: string, findings: Finding[]): Promise<void> {
    if (!findings.length) return;
    await this.getEntityManager().execute(
      `insert into reconciliation_findings (run_id, check_name, account_id, subject, expected, actual, drift_millicredits, drift_tokens, details)
       select ?::uuid, f.check_name, f.account_id, f.subject, f.expected, f.actual, f.drift_millicredits, f.drift_tokens, f.details
         from jsonb_to_recordset(?::jsonb) as f(check_name text, account_id uuid, subject text, expected text, actual text,
              drift_millicredits bigint, drift_tokens bigint, details jsonb)`,
      [
        runId,
        JSON.stringify(
          findings.map((f) => ({
            check_name: f.check,
            account_id: f.accountId ?? null,
            subject: f.subject ?? null,
            expected: f.expected ?? null,
            actual: f.actual ?? null,
            drift_millicredits: f.driftMillicredits?.toString() ?? null,
            drift_tokens: f.driftTokens?.toString() ?? null,
            details: f.details ?? null,
          })),
        ),
      ],
    );
  }

  ofRun(runId: string, limit: number): Promise<ReconciliationFindingEntity[]> {
    return this.find({ runId }, { orderBy: { id: 'asc' }, limit, disableIdentityMap: true });
  }
}
