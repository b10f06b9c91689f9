import type { Logger } from 'pino';
import type { Config } from './config.js';
import { maskEmail } from './logger.js';
import type { Services } from './services.js';

/**
 * BOOTSTRAP_ADMIN_*, applied at every start: the operator's ADMIN key and the first console ADMIN.
 * Each outcome is logged, so a changed value never does something (or nothing) silently.
 */
export async function applyBootstrap(services: Services, config: Config, log: Logger): Promise<void> {
  const email = config.BOOTSTRAP_ADMIN_EMAIL;
  if (config.BOOTSTRAP_ADMIN_KEY) {
    const key = await services.auth.ensureBootstrapAdmin(config.BOOTSTRAP_ADMIN_KEY, email ?? 'admin@creditmeter.local');
    if (key.retired)
      log.warn({ revoked: key.retired }, 'BOOTSTRAP_ADMIN_KEY changed: the new value is the ADMIN key, the previous one is revoked');
    else if (key.created) log.info('BOOTSTRAP_ADMIN_KEY: ADMIN key created');
  }
  if (email && config.BOOTSTRAP_ADMIN_PASSWORD) {
    const outcome = await services.staff.ensureBootstrapAdmin(email, config.BOOTSTRAP_ADMIN_PASSWORD);
    if (outcome === 'created') log.info({ who: maskEmail(email) }, 'BOOTSTRAP_ADMIN_EMAIL: console ADMIN created');
    if (outcome === 'exists')
      log.info({ who: maskEmail(email) }, 'BOOTSTRAP_ADMIN_EMAIL: the console ADMIN exists; its password is unchanged');
    if (outcome === 'adminExists') {
      log.warn(
        { who: maskEmail(email) },
        'BOOTSTRAP_ADMIN_EMAIL ignored: an ADMIN already exists, so no second ADMIN was created. Add staff users in the console (/admin, Staff users) instead',
      );
    }
  }
}
