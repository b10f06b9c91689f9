import { graphql } from '../../shared/gql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer { kind role staffUser { id email name role } }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { kind role staffUser { id email name role } }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
