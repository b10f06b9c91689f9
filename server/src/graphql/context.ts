import type { Principal } from '../auth/roles.js';
import type { Services } from '../services.js';
import type { Loaders } from './loaders.js';

export interface Context {
  principal: Principal | null;
  services: Services;
  loaders: Loaders;
  /** From the X-Return-To header: where the Credits page should send the user back to. */
  returnTo: string | null;
}
