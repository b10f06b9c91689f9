import { createApiClient } from '../shared/client';

/** The console talks to GraphQL with the staff session cookie only. */
export const api = createApiClient();
