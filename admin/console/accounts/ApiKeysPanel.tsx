import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext } from 'react-admin';
import { errorMessage } from '../../shared/client';
import type { Role } from '../../shared/gql/graphql';
import { api } from '../api';
import { atLeast } from '../roles';
import { CreateApiKeyMutation } from './operations';
import type { AccountDetail } from './resource';

/** Create a key (ADMIN): the secret is shown once, with a copy button. */
export function ApiKeysPanel() {
  const account = useRecordContext<AccountDetail>();
  const { permissions } = usePermissions<string>();
  const notify = useNotify();
  const [role, setRole] = useState<Role>('USER');
  const [created, setCreated] = useState<{ id: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!account) return null;
  const admin = atLeast(permissions, 'ADMIN');
  return (
    <Stack spacing={2}>
      {admin ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
          <TextField select size="small" label="Role of the new key" value={role} onChange={(e) => setRole(e.target.value as Role)} sx={{ minWidth: 200 }}>
            {(['USER', 'SUPPORT', 'FINANCE', 'ADMIN'] as const).map((r) => (
              <MenuItem key={r} value={r}>{r}</MenuItem>
            ))}
          </TextField>
          <Button
            variant="contained"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                setCreated((await api.request(CreateApiKeyMutation, { accountId: account.id, role })).createApiKey);
              } catch (err) {
                notify(errorMessage(err), { type: 'error' });
              } finally {
                setBusy(false);
              }
            }}
          >
            Create API key
          </Button>
        </Stack>
      ) : (
        <Typography color="text.secondary">Creating keys needs the ADMIN role.</Typography>
      )}
      {created && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => navigator.clipboard.writeText(created.key).then(() => notify('Key copied', { type: 'info' }), () => notify('Copy failed: select the key and copy it', { type: 'warning' }))}>
              Copy
            </Button>
          }
        >
          <Typography>Copy this key now: it is shown once and only its hash is kept.</Typography>
          <Typography component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} data-testid="new-api-key">
            {created.key}
          </Typography>
        </Alert>
      )}
    </Stack>
  );
}
