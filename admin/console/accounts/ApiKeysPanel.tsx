import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext } from 'react-admin';
import { useBusy } from '../../shared/busy';
import { errorMessage } from '../../shared/client';
import { formatDateTime } from '../../shared/dates';
import type { AccountApiKeysQuery, Role } from '../../shared/gql/graphql';
import { api } from '../api';
import { atLeast } from '../roles';
import { ConfirmedButton } from '../shared/Confirmed';
import { formatCredits } from '../../../server/src/money/format';
import { KeyBudgetDialog } from './KeyBudgetDialog';
import { AccountApiKeysQuery as KeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation, UpdateApiKeyMutation } from './operations';
import type { AccountDetail } from './resource';

type ApiKeyRow = AccountApiKeysQuery['apiKeys'][number];

/** The account's keys, revoked ones too (never a secret); revoking (ADMIN) asks first and works at once everywhere. */
function KeyList({ accountId, admin }: { accountId: string; admin: boolean }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['api-keys', accountId], queryFn: () => api.request(KeysQuery, { accountId }) });
  const notify = useNotify();
  const [editing, setEditing] = useState<ApiKeyRow | null>(null);
  if (query.isError) return <Alert severity="error">{errorMessage(query.error)}</Alert>;
  if (!query.data) return <Typography color="text.secondary">Loading keys…</Typography>;
  const keys = query.data.apiKeys;
  const refresh = () => client.invalidateQueries({ queryKey: ['api-keys', accountId] });
  const active = keys.filter((k) => !k.revokedAt).length;
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary" data-testid="api-key-count">
        {keys.length} {keys.length === 1 ? 'key' : 'keys'}, {active} active
      </Typography>
      {keys.length > 0 && (
        <TableContainer tabIndex={0} aria-label="API keys, scrollable">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Key id</TableCell>
                <TableCell>Role</TableCell>
                <TableCell>Label</TableCell>
                <TableCell>Limit (credits)</TableCell>
                <TableCell>Spent this period</TableCell>
                <TableCell>Resets</TableCell>
                <TableCell>Created</TableCell>
                <TableCell>Last used</TableCell>
                <TableCell>Status</TableCell>
                {admin && <TableCell>Action</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {keys.map((k: ApiKeyRow) => (
                <KeyRow key={k.id} apiKey={k} admin={admin} onEdit={() => setEditing(k)} onRevoked={refresh} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {editing && (
        <KeyBudgetDialog
          apiKey={editing}
          onClose={() => setEditing(null)}
          submit={(input) => api.request(UpdateApiKeyMutation, { id: editing.id, input })}
          onDone={async () => {
            setEditing(null);
            notify('Key budget saved', { type: 'info' });
            await refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** The account's keys; create one (ADMIN): the secret is shown once, with a copy button. */
export function ApiKeysPanel() {
  const account = useRecordContext<AccountDetail>();
  const { permissions } = usePermissions<string>();
  const notify = useNotify();
  const [created, setCreated] = useState<{ id: string; key: string } | null>(null);
  if (!account) return null;
  const admin = atLeast(permissions, 'ADMIN');
  return (
    <Stack spacing={2}>
      {admin ? (
        <CreateKey accountId={account.id} onCreated={setCreated} />
      ) : (
        <Typography color="text.secondary">Creating keys needs the ADMIN role.</Typography>
      )}
      {created && (
        <Alert
          severity="warning"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() =>
                navigator.clipboard.writeText(created.key).then(
                  () => notify('Key copied', { type: 'info' }),
                  () => notify('Copy failed: select the key and copy it', { type: 'warning' }),
                )
              }
            >
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
      <KeyList accountId={account.id} admin={admin} />
    </Stack>
  );
}

function KeyRow({
  apiKey: k,
  admin,
  onEdit,
  onRevoked,
}: {
  apiKey: ApiKeyRow;
  admin: boolean;
  onEdit: () => void;
  onRevoked: () => Promise<void>;
}) {
  return (
    <TableRow data-testid="api-key-row">
      <TableCell>
        <code style={{ fontSize: 12 }}>{k.id}</code>
      </TableCell>
      <TableCell>{k.role}</TableCell>
      <TableCell>{k.label ?? ''}</TableCell>
      <TableCell data-testid="api-key-limit">
        {k.spendLimitMillicredits === null ? 'No limit' : formatCredits(k.spendLimitMillicredits)}
        {k.allowedModels && (
          <Typography variant="caption" display="block" color="text.secondary">
            Models: {k.allowedModels.join(', ')}
          </Typography>
        )}
      </TableCell>
      <TableCell data-testid="api-key-spent">{formatCredits(k.spentThisPeriodMillicredits)}</TableCell>
      <TableCell>{k.periodResetsAt ? formatDateTime(k.periodResetsAt) : k.limitReset === 'NEVER' ? 'Never' : ''}</TableCell>
      <TableCell>{formatDateTime(k.createdAt)}</TableCell>
      <TableCell>{formatDateTime(k.lastUsedAt)}</TableCell>
      <TableCell>
        {k.revokedAt ? (
          <Chip size="small" label={`Revoked ${formatDateTime(k.revokedAt)}`} />
        ) : (
          <Chip size="small" color="success" label="Active" />
        )}
      </TableCell>
      {admin && <KeyActions apiKey={k} onEdit={onEdit} onRevoked={onRevoked} />}
    </TableRow>
  );
}

/** A new key of the role chosen (ADMIN); its secret goes to `onCreated`, shown once. */
function CreateKey(props: { accountId: string; onCreated: (created: { id: string; key: string }) => void }) {
  const notify = useNotify();
  const client = useQueryClient();
  const [role, setRole] = useState<Role>('USER');
  const { busy, run } = useBusy((message) => notify(message, { type: 'error' }));
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <TextField
        select
        size="small"
        label="Role of the new key"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        sx={{ width: { xs: '100%', sm: 240 } }}
      >
        {(['USER', 'SUPPORT', 'FINANCE', 'ADMIN'] as const).map((r) => (
          <MenuItem key={r} value={r}>
            {r}
          </MenuItem>
        ))}
      </TextField>
      <Button
        variant="contained"
        disabled={busy}
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        onClick={async () => {
          await run(async () => {
            props.onCreated((await api.request(CreateApiKeyMutation, { accountId: props.accountId, role })).createApiKey);
            await client.invalidateQueries({ queryKey: ['api-keys', props.accountId] });
          });
        }}
      >
        Create API key
      </Button>
    </Stack>
  );
}

/** Edit the budget of a live key, or revoke it (asked first). */
function KeyActions({ apiKey: k, onEdit, onRevoked }: { apiKey: ApiKeyRow; onEdit: () => void; onRevoked: () => Promise<void> }) {
  return (
    <TableCell>
      {!k.revokedAt && (
        <Button size="small" aria-label={`Edit budget of key ${k.id}`} onClick={onEdit}>
          Edit budget
        </Button>
      )}
      {!k.revokedAt && (
        <ConfirmedButton
          label="Revoke"
          title="Revoke this key?"
          content={`Key ${k.id} (${k.role}) stops working at once, on every instance. This cannot be undone.`}
          confirmLabel="Revoke"
          buttonProps={{ color: 'error', 'aria-label': `Revoke key ${k.id}` }}
          done="Key revoked"
          onConfirm={async () => {
            await api.request(RevokeApiKeyMutation, { id: k.id });
            await onRevoked();
          }}
        />
      )}
    </TableCell>
  );
}
