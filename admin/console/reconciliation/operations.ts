import { graphql } from '../../shared/gql';


export const ReconciliationRunsQuery = graphql(`
  query ReconciliationRuns {
    reconciliationRuns(first: 100) { id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error }
  }
`);

export const ReconciliationRunQuery = graphql(`
  query ReconciliationRun($id: ID!) {
    reconciliationRun(id: $id) {
      id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error
      checks { name status findings note }
      findings(first: 200) { id check accountId subject expected actual driftMillicredits driftTokens createdAt }
    }
  }
`);

export const RunReconciliationMutation = graphql(`
  mutation RunReconciliation {
    runReconciliation(wait: false) { id status }
  }
`);
