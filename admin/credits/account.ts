import type { CreditsPageQuery } from '../shared/gql/graphql';

/** The signed-in account as the Credits page loads it, and its balance. */
export type Account = CreditsPageQuery['me'];
export type Balance = Account['balance'];
