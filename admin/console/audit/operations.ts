import { graphql } from '../../shared/gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {
    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          id
          createdAt
          action
          actorKind
          actorLabel
          actorRole
          targetType
          targetId
          targetLabel
          reason
          before
          after
        }
      }
    }
  }
`);

export const AuditActionsQuery = graphql(`
  query AuditActions {
    auditActions
  }
`);

export const AuditChainQuery = graphql(`
  query AuditChain {
    auditChain {
      ok
      entries
      firstBrokenId
      headHash
      checkedAt
    }
  }
`);
