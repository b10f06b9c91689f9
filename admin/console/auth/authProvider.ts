import type { AuthProvider } from 'react-admin';
import { ApiError } from '../../shared/client';
import type { ViewerQuery as ViewerData } from '../../shared/gql/graphql';
import { api } from '../api';
import { SignInMutation, SignOutMutation, ViewerQuery } from './operations';

type Viewer = NonNullable<ViewerData['viewer']>;

let cached: Promise<Viewer | null> | null = null;
/** The signed-in staff user, asked once per page load (and again after sign-in or sign-out). */
function viewer(): Promise<Viewer | null> {
  cached ??= api.request(ViewerQuery).then(
    (d) => (d.viewer?.kind === 'STAFF' ? d.viewer : null),
    (err) => {
      cached = null;
      throw err;
    },
  );
  return cached;
}

/** Staff sign-in over the cookie session: signIn / signOut / viewer. The server enforces roles. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    cached = null;
    try {
      await api.request(SignInMutation, { email: username, password });
    } catch (err) {
      throw new Error(
        err instanceof ApiError && err.code === 'UNAUTHENTICATED'
          ? 'Wrong email or password, or too many attempts: try again later.'
          : (err as Error).message,
        { cause: err },
      );
    }
  },
  async logout() {
    cached = null;
    await api.request(SignOutMutation).catch(() => undefined);
    api.close();
  },
  async checkAuth() {
    if (!(await viewer())) throw new Error('Please sign in');
  },
  async checkError(error: unknown) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      cached = null;
      throw new Error('Your session has ended: please sign in again');
    }
  },
  async getPermissions() {
    return (await viewer())?.role;
  },
  async getIdentity() {
    const v = await viewer();
    if (!v?.staffUser) throw new Error('Not signed in');
    return { id: v.staffUser.id, fullName: v.staffUser.name ?? v.staffUser.email, role: v.role };
  },
};
