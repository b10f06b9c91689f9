import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { usePermissions } from 'react-admin';
import { errorMessage } from '../../shared/client';
import { formatCount } from '../../../server/src/money/format';
import { formatDateTime } from '../../shared/dates';
import { api } from '../api';
import { atLeast } from '../roles';
import { AuditChainQuery } from './operations';

/** The audit log's hash chain, verified on the server from the first row to the head (ADMIN). */
export function AuditChainStatus() {
  const { permissions } = usePermissions<string>();
  const admin = atLeast(permissions, 'ADMIN');
  const query = useQuery({ queryKey: ['audit-chain'], queryFn: () => api.request(AuditChainQuery), enabled: admin });
  if (!admin) return null;
  const verify = (
    <Button color="inherit" size="small" disabled={query.isFetching} onClick={() => void query.refetch()}>
      {query.isFetching ? 'Verifying…' : 'Verify again'}
    </Button>
  );
  if (query.isError)
    return (
      <Alert severity="error" action={verify} sx={{ mt: 2 }}>
        Could not verify the audit chain: {errorMessage(query.error)}
      </Alert>
    );
  const chain = query.data?.auditChain;
  if (!chain)
    return (
      <Alert severity="info" sx={{ mt: 2 }} role="status">
        Verifying the audit chain…
      </Alert>
    );
  return (
    <Alert
      severity={chain.ok ? 'success' : 'error'}
      action={verify}
      sx={{ mt: 2, '& .MuiAlert-message': { minWidth: 0 } }}
      data-testid="audit-chain"
    >
      <AlertTitle>{chain.ok ? 'Audit chain verified' : `Audit chain broken at entry ${chain.firstBrokenId ?? '?'}`}</AlertTitle>
      <Typography variant="body2">
        {formatCount(chain.entries)} entries checked {formatDateTime(chain.checkedAt)}.
        {chain.ok
          ? ' Every row links to the one before it and its content matches its hash.'
          : ' That row, or the link to it, was changed outside the application: everything from it on is suspect.'}
      </Typography>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        Head hash <code>{chain.headHash}</code> (keep a copy elsewhere: a rewritten history changes it)
      </Typography>
    </Alert>
  );
}
