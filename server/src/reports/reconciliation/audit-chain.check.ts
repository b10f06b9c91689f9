import type { AuditChainStatus } from '../../audit/audit-chain.js';
import { metrics } from '../../metrics/metrics.js';
import type { Check } from './check.js';

/** The audit log's hash chain verifies end to end; its head hash goes out as a metric. */
export const auditChainCheck = (verify: () => Promise<AuditChainStatus>): Check => ({
  name: 'audit_chain',
  async run() {
    const status = await verify();
    metrics.auditChainVerified(status);
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
