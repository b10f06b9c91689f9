/** The entities carry the GraphQL types' decorators too (`ReconciliationRun`, `ReconciliationFinding`). */
export {
  ReconciliationFindingEntity as ReconciliationFindingGql,
  ReconciliationRunEntity as ReconciliationRunGql,
} from './runs.repository.js';
