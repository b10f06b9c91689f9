import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
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
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Link from '@mui/material/Link';
import { useNotify, usePermissions } from 'react-admin';
import { errorMessage } from '../../shared/client';
import { formatDate } from '../../shared/dates';
import type { TeamMembersQuery as MembersData, TeamRole } from '../../shared/gql/graphql';
import { formatCredits } from '../../../server/src/money/format';
import { parseCredits } from '../../shared/money';
import { api } from '../api';
import { atLeast } from '../roles';
import { ConfirmedButton } from '../shared/Confirmed';
import { parseThresholdList } from '../../shared/webhooks/rules';
import {
  AddTeamMemberMutation,
  RemoveTeamMemberMutation,
  SetMemberAllocationMutation,
  SetMemberLowBalanceThresholdsMutation,
  TeamMembersQuery,
} from './operations';

type Member = NonNullable<MembersData['team']>['members'][number];

const formatDayIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(new Date(iso));

/** A member's low-balance alerts as the dialog's field writes them ("500 20%"). */
const alertsText = (m: Member) =>
  m.lowBalanceAlerts.map((a) => (a.percent ? `${a.percent}%` : formatCredits(a.thresholdMillicredits).replace(/,/g, ''))).join(' ');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const membersKey = (teamId: string) => ['teamMembers', teamId];

/** The team's members (removed ones too) and their emails, by account id. */
export function useMembers(teamId: string) {
  const query = useQuery({ queryKey: membersKey(teamId), queryFn: () => api.request(TeamMembersQuery, { id: teamId }), enabled: !!teamId });
  const members = query.data?.team?.members ?? [];
  const emailOf = new Map(members.map((m) => [m.accountId, m.email ?? m.accountId]));
  return { query, members, emailOf };
}

type RowProps = {
  teamId: string;
  member: Member;
  label: string | undefined;
  onEdit: (m: Member) => void;
  onRemoved: () => Promise<unknown>;
};

const alertsSummary = (m: Member) =>
  m.lowBalanceAlerts.length === 0
    ? '—'
    : m.lowBalanceAlerts
        .map((a) => `${formatCredits(a.thresholdMillicredits)}${a.percent ? ` (${a.percent} %)` : ''}${a.alerted ? ' · alerted' : ''}`)
        .join(', ');

function MemberActions({ teamId, member: m, label, onEdit, onRemoved }: RowProps) {
  return (
    <TableCell sx={{ whiteSpace: 'nowrap' }}>
      {!m.removedAt && (
        <Stack direction="row" spacing={1}>
          <Button size="small" variant="outlined" onClick={() => onEdit(m)} aria-label={`Set allocation of ${label}`}>
            Allocation
          </Button>
          <ConfirmedButton
            label="Remove"
            title="Remove this member?"
            content="They stop spending the team's credits at once and the keys issued to them for this team are revoked. Their history stays."
            buttonProps={{ color: 'error', 'aria-label': `Remove ${label}` }}
            onConfirm={async () => {
              await api.request(RemoveTeamMemberMutation, { teamId, accountId: m.accountId });
              await onRemoved();
            }}
            done="Member removed"
          />
        </Stack>
      )}
    </TableCell>
  );
}

function MemberRow({ member: m, admin, ...props }: RowProps & { admin: boolean }) {
  const { teamId, label, onEdit, onRemoved } = props;
  return (
    <TableRow sx={m.removedAt ? { '& td': { color: 'text.secondary' } } : undefined}>
      <TableCell sx={{ minWidth: 180, overflowWrap: 'anywhere' }}>
        <Link component={RouterLink} to={`/accounts/${m.accountId}/show`}>
          {label}
        </Link>
        {m.removedAt && (
          <Typography variant="body2" color="text.secondary">
            Removed {formatDate(m.removedAt)}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Chip size="small" label={m.role} color={m.role === 'OWNER' ? 'primary' : 'default'} variant="outlined" />
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {m.monthlyAllocationMillicredits === null ? 'No cap' : formatCredits(m.monthlyAllocationMillicredits)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatCredits(m.spentThisPeriodMillicredits)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatCredits(m.heldMillicredits)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }} data-testid="member-remaining">
        {m.remainingThisPeriodMillicredits === null ? '—' : formatCredits(m.remainingThisPeriodMillicredits)}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="member-alerts">
        {alertsSummary(m)}
      </TableCell>
      {admin && <MemberActions teamId={teamId} member={m} label={label} onEdit={onEdit} onRemoved={onRemoved} />}
    </TableRow>
  );
}

function MembersHead({ admin }: { admin: boolean }) {
  return (
    <TableHead>
      <TableRow>
        <TableCell>Member</TableCell>
        <TableCell>Role</TableCell>
        <TableCell align="right">Allocation / month</TableCell>
        <TableCell align="right">Spent this period</TableCell>
        <TableCell align="right">Held</TableCell>
        <TableCell align="right">Remaining</TableCell>
        <TableCell>Alerts below</TableCell>
        {admin && <TableCell>Actions</TableCell>}
      </TableRow>
    </TableHead>
  );
}

/** Members with their allocation this period; ADMIN adds, removes and sets allocations (OWNERs do it in their app). */
export function MembersPanel({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const { permissions } = usePermissions<string>();
  const admin = atLeast(permissions, 'ADMIN');
  const { query, members, emailOf } = useMembers(teamId);
  const [editing, setEditing] = useState<Member | null>(null);
  const client = useQueryClient();
  const reload = () => client.invalidateQueries({ queryKey: membersKey(teamId) });

  if (query.error) return <Alert severity="error">{errorMessage(query.error)}</Alert>;
  if (!query.data) return <Typography color="text.secondary">Loading members…</Typography>;
  return (
    <Stack spacing={2}>
      <TableContainer tabIndex={0} role="region" aria-label="Members (scrolls sideways)">
        <Table size="small" data-testid="team-members">
          <MembersHead admin={admin} />
          <TableBody>
            {members.length === 0 && (
              <TableRow>
                <TableCell colSpan={admin ? 8 : 7}>No members yet.</TableCell>
              </TableRow>
            )}
            {members.map((m) => (
              <MemberRow
                key={m.accountId}
                teamId={teamId}
                member={m}
                label={emailOf.get(m.accountId)}
                admin={admin}
                onEdit={setEditing}
                onRemoved={reload}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {members[0] && (
        <Typography variant="body2" color="text.secondary">
          This period started {formatDayIn(members[0].periodStart, timeZone)} at midnight ({timeZone}).
        </Typography>
      )}
      {admin && <AddMemberForm teamId={teamId} onAdded={reload} />}
      {editing && (
        <AllocationDialog
          teamId={teamId}
          member={editing}
          label={emailOf.get(editing.accountId)!}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      )}
    </Stack>
  );
}

function useAddMember(teamId: string, onAdded: () => Promise<unknown>) {
  const [accountId, setAccountId] = useState('');
  const [role, setRole] = useState<TeamRole>('MEMBER');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const invalid = accountId.trim() !== '' && !UUID.test(accountId.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!UUID.test(accountId.trim())) {
      setError('Enter the member’s account id (a UUID, shown on their account page)');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.request(AddTeamMemberMutation, { teamId, accountId: accountId.trim(), role });
      setAccountId('');
      notify('Member added', { type: 'success' });
      await onAdded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return { accountId, setAccountId, role, setRole, error, busy, invalid, submit };
}

function AddMemberForm({ teamId, onAdded }: { teamId: string; onAdded: () => Promise<unknown> }) {
  const { accountId, setAccountId, role, setRole, error, busy, invalid, submit } = useAddMember(teamId, onAdded);
  return (
    <Box component="form" onSubmit={submit} noValidate aria-label="Add a member">
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        Add a member
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          label="Account id"
          size="small"
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          error={invalid}
          helperText={invalid ? 'An account id is a UUID' : 'A customer account'}
          sx={{ minWidth: { sm: 340 } }}
        />
        <TextField
          select
          label="Role"
          size="small"
          value={role}
          onChange={(e) => setRole(e.target.value as TeamRole)}
          sx={{ minWidth: 130 }}
        >
          <MenuItem value="MEMBER">MEMBER</MenuItem>
          <MenuItem value="OWNER">OWNER</MenuItem>
        </TextField>
        <Button type="submit" variant="contained" disabled={busy}>
          Add member
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {error}
        </Alert>
      )}
    </Box>
  );
}

type AllocationProps = { teamId: string; member: Member; label: string; onClose: () => void; onSaved: () => Promise<unknown> };

function useAllocationForm(props: AllocationProps) {
  const current = props.member.monthlyAllocationMillicredits;
  const [text, setText] = useState(current === null ? '' : formatCredits(current).replace(/,/g, ''));
  const [alerts, setAlerts] = useState(alertsText(props.member));
  const alertList = parseThresholdList(alerts);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const parsed = text.trim() === '' ? null : parseCredits(text);

  async function save(e: FormEvent) {
    e.preventDefault();
    if ((parsed && !parsed.ok) || !alertList.ok) return;
    setBusy(true);
    setError(null);
    try {
      await api.request(SetMemberAllocationMutation, {
        input: {
          teamId: props.teamId,
          accountId: props.member.accountId,
          monthlyAllocationMillicredits: parsed ? parsed.millicredits.toString() : null,
        },
      });
      if (alerts !== alertsText(props.member)) {
        await api.request(SetMemberLowBalanceThresholdsMutation, {
          teamId: props.teamId,
          memberAccountId: props.member.accountId,
          thresholdsMillicredits: alertList.thresholdsMillicredits,
          thresholdsPercent: alertList.thresholdsPercent,
        });
      }
      notify('Allocation saved', { type: 'success' });
      await props.onSaved();
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return { text, setText, alerts, setAlerts, alertList, error, busy, parsed, save };
}

function AllocationDialog(props: AllocationProps) {
  const { text, setText, alerts, setAlerts, alertList, error, busy, parsed, save } = useAllocationForm(props);
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="allocation-title" fullWidth maxWidth="xs">
      <form onSubmit={save} noValidate>
        <DialogTitle id="allocation-title">Monthly allocation</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
            The most {props.label} may spend from the team each period. Spent this period:{' '}
            {formatCredits(props.member.spentThisPeriodMillicredits)} credits.
          </Typography>
          <TextField
            autoFocus
            fullWidth
            label="Allocation (credits)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={!!parsed && !parsed.ok}
            helperText={parsed && !parsed.ok ? parsed.error : 'Leave empty for no cap'}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
          <TextField
            fullWidth
            sx={{ mt: 2 }}
            label="Alert below (credits or % of the allocation)"
            value={alerts}
            onChange={(e) => setAlerts(e.target.value)}
            error={!alertList.ok}
            helperText={
              !alertList.ok
                ? alertList.error
                : 'balance.low goes to the team once the remaining allocation falls below each, e.g. 500 20%; empty for none'
            }
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy || (!!parsed && !parsed.ok) || !alertList.ok}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
