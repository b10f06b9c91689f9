import type { Logger } from 'pino';
import type { AuditChainStatus } from '../../audit/audit-chain.js';
import { metrics } from '../../metrics/metrics.js';
import type { Check } from './check.js';

/**
 * The audit log's hash chain verifies end to end; its head hash goes out of the database as a
 * metric and a log line, where a rewritten history cannot follow it.
 */
export const auditChainCheck = (verify: () => Promise<AuditChainStatus>, log: Logger): Check => ({
  name: 'audit_chain',
  async run() {
    const status = await verify();
    metrics.auditChainVerified(status);
    log.info({ auditChain: { ok: status.ok, entries: status.entries, headHash: status.headHash } }, 'audit chain head');
    if (status.ok) return [];
    return [
      {
        check: 'audit_chain_broken',
        subject: status.firstBrokenId,
        expected: 'every audit row linked to the one before it, with its own content hash',
        actual: `broken at audit row ${status.firstBrokenId ?? '(chain head)'}`,
        details: { entries: status.entries, headHash: status.headHash },
      },
    ];
  },
});
