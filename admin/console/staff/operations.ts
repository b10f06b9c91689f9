import { graphql } from '../../shared/gql';

export const StaffUsersQuery = graphql(`
  query StaffUsers($search: String, $first: Int!, $offset: Int!) {
    staffUsers(search: $search, first: $first, offset: $offset) {
      totalCount
      edges { node { id email name role disabled lastSignInAt createdAt updatedAt } }
    }
  }
`);

export const StaffUserQuery = graphql(`
  query StaffUser($id: ID!) {
    staffUser(id: $id) { id email name role disabled lastSignInAt createdAt updatedAt }
  }
`);

export const CreateStaffUserMutation = graphql(`
  mutation CreateStaffUser($input: CreateStaffUserInput!) {
    createStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }
  }
`);

export const UpdateStaffUserMutation = graphql(`
  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {
    updateStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }
  }
`);
