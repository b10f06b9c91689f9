import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { graphqlEnum } from '../graphql/enums.js';
import { RECONCILIATION_STATUSES, type ReconciliationStatus, type StoredFinding } from './runs.repository.js';

export const ReconciliationStatusEnum = graphqlEnum(RECONCILIATION_STATUSES, { name: 'ReconciliationStatus' });

@ObjectType('ReconciliationCheck')
export class ReconciliationCheckGql {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'OK, MISMATCH, SKIPPED or FAILED' }) status!: string;
  @Field(() => Int) findings!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('ReconciliationFinding')
export class ReconciliationFindingGql {
  @Field(() => ID) id!: string;
  @Field(() => String) check!: string;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field(() => String, { nullable: true }) expected!: string | null;
  @Field(() => String, { nullable: true }) actual!: string | null;
  @Field(() => MillicreditsScalar, { nullable: true }) driftMillicredits!: string | null;
  @Field(() => String, { nullable: true }) driftTokens!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ReconciliationRun')
export class ReconciliationRunGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The UTC day reconciled (balances and zero-sum are checked over all time)' }) day!: string;
  @Field(() => String, { description: 'SCHEDULED or MANUAL' }) trigger!: string;
  @Field(() => ReconciliationStatusEnum) status!: ReconciliationStatus;
  @Field(() => String, { nullable: true, description: 'The check running now' }) step!: string | null;
  @Field(() => Int) progressDone!: number;
  @Field(() => Int) progressTotal!: number;
  @Field(() => [ReconciliationCheckGql]) checks!: ReconciliationCheckGql[];
  @Field(() => Int) mismatchCount!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

export const toFindingGql = (f: StoredFinding): ReconciliationFindingGql => ({
  id: f.id,
  check: f.check,
  accountId: f.accountId ?? null,
  subject: f.subject ?? null,
  expected: f.expected ?? null,
  actual: f.actual ?? null,
  driftMillicredits: f.driftMillicredits?.toString() ?? null,
  driftTokens: f.driftTokens?.toString() ?? null,
  createdAt: f.createdAt,
});
