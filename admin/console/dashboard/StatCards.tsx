import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { formatDateTime } from '../../shared/dates';
import type { DashboardQuery as DashboardData } from '../../shared/gql/graphql';
import { formatCredits, formatUsdCents } from '../../../server/src/money/format';
import { StatCard } from './ChartPanel';

type Liability = DashboardData['liability'];
type Run = DashboardData['reconciliationRuns'][number];

function LiabilityCards({ liability }: { liability: Liability | undefined }) {
  return (
    <>
      <StatCard
        testId="stat-liability"
        label="Outstanding liability"
        value={liability ? formatUsdCents(liability.outstandingMillicredits) : '…'}
        detail={liability && `${formatCredits(liability.outstandingMillicredits)} credits`}
      />
      <StatCard
        testId="stat-paid"
        label="Paid credits"
        value={liability ? formatUsdCents(liability.paidMillicredits) : '…'}
        detail={liability && `${formatCredits(liability.paidMillicredits)} credits`}
      />
      <StatCard
        testId="stat-promotional"
        label="Promotional credits"
        value={liability ? formatUsdCents(liability.promotionalMillicredits) : '…'}
        detail={liability && `${formatCredits(liability.promotionalMillicredits)} credits`}
      />
      <StatCard
        testId="stat-goodwill"
        label="Staff goodwill credits"
        value={liability ? formatUsdCents(liability.adjustmentsMillicredits) : '…'}
        detail={liability && `${formatCredits(liability.adjustmentsMillicredits)} credits (adjustments, not paid)`}
      />
      <StatCard
        testId="stat-expiring"
        label="Expiring in 30 days"
        value={
          liability
            ? liability.expiringNext30DaysMillicredits == null
              ? 'No expiry'
              : formatUsdCents(liability.expiringNext30DaysMillicredits)
            : '…'
        }
        detail={liability?.expiringNext30DaysMillicredits != null && `${formatCredits(liability.expiringNext30DaysMillicredits)} credits`}
      />
    </>
  );
}

function ReconciliationCard({ loading, run }: { loading: boolean; run: Run | undefined }) {
  return (
    <StatCard
      testId="stat-reconciliation"
      label="Reconciliation"
      value={
        loading ? (
          '…'
        ) : run ? (
          <Chip
            color={run.status === 'SUCCEEDED' && run.mismatchCount === 0 ? 'success' : run.status === 'RUNNING' ? 'info' : 'error'}
            label={run.status === 'SUCCEEDED' ? (run.mismatchCount === 0 ? 'Balanced' : `${run.mismatchCount} mismatches`) : run.status}
          />
        ) : (
          'Never run'
        )
      }
      detail={run && `${run.day}, ${formatDateTime(run.finishedAt ?? run.startedAt)}`}
    />
  );
}

/** The figures at a glance: what the customers' credits are worth, and the last reconciliation. */
export function StatCards({ data, loading }: { data: DashboardData | undefined; loading: boolean }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(3, 1fr)', xl: 'repeat(6, 1fr)' },
        mb: 2,
      }}
    >
      <LiabilityCards liability={data?.liability} />
      <ReconciliationCard loading={loading} run={data?.reconciliationRuns[0]} />
    </Box>
  );
}
