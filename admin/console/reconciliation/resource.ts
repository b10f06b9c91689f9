import type { ReconciliationRunQuery, ReconciliationRunsQuery } from '../../shared/gql/graphql';
import { api } from '../api';
import { pageLocally, type ResourceSpec } from '../dataProvider';
import { ReconciliationRunQuery as One, ReconciliationRunsQuery as Runs } from './operations';

export type Run = ReconciliationRunsQuery['reconciliationRuns'][number];
export type RunDetail = Partial<Pick<ReconciliationRunQuery['reconciliationRun'], 'checks' | 'findings'>> & Omit<ReconciliationRunQuery['reconciliationRun'], 'checks' | 'findings'>;

export const reconciliationResource: ResourceSpec<Run | RunDetail> = {
  list: async (req) =>
    pageLocally((await api.request(Runs)).reconciliationRuns, req.sort.field === 'id' ? { ...req, sort: { field: 'startedAt', order: 'DESC' } } : req, (run, f) => !f.status || run.status === f.status),
  one: async (id) => (await api.request(One, { id: String(id) })).reconciliationRun,
};
