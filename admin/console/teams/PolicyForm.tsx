import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNotify, usePermissions, useRefresh } from 'react-admin';
import { ApiError, errorMessage } from '../../shared/client';
import { formatCredits } from '../../../server/src/money/format';
import { parseCredits } from '../../shared/money';
import { api } from '../api';
import { atLeast } from '../roles';
import type { TeamDetail } from './resource';
import { ActiveModelsQuery, SetTeamPolicyMutation } from './operations';
import { isTimeZone } from './zones';

const creditsText = (millicredits: string | null) => (millicredits === null ? '' : formatCredits(millicredits).replace(/,/g, ''));
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** A cap typed in credits: empty is no cap; otherwise a positive amount. */
function capOf(text: string): { ok: true; value: string | null } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = parseCredits(text);
  if (!parsed.ok) return parsed;
  if (parsed.millicredits <= 0n) return { ok: false, error: 'A cap must be more than 0 (leave empty for no cap)' };
  return { ok: true, value: parsed.millicredits.toString() };
}

type Field = 'requestCapMillicredits' | 'sessionCapMillicredits' | 'sessionWindowSeconds' | 'allowedModels' | 'timeZone';

/** The fields as typed, checked here; null where a field is fine. */
function checkPolicy(fields: { requestCap: string; sessionCap: string; windowText: string; zone: string }) {
  const request = capOf(fields.requestCap);
  const session = capOf(fields.sessionCap);
  const windowSeconds = Number(fields.windowText);
  const windowError =
    !/^\d+$/.test(fields.windowText.trim()) || windowSeconds < 1 || windowSeconds > 2_678_400
      ? 'Whole seconds from 1 to 2,678,400 (31 days)'
      : null;
  const zoneError = isTimeZone(fields.zone.trim()) ? null : 'An IANA time zone such as Europe/Berlin';
  const valid = request.ok && session.ok && !windowError && !zoneError;
  return { request, session, windowSeconds, windowError, zoneError, valid };
}

/** The team's one policy. The server lets the team's OWNERs and ADMIN change it; the console offers it to ADMIN. */
export function PolicyForm({ team }: { team: TeamDetail }) {
  const { permissions } = usePermissions<string>();
  const canEdit = atLeast(permissions, 'ADMIN');
  const f = usePolicyForm(team);
  const rates = useQuery({ queryKey: ['activeRates'], queryFn: () => api.request(ActiveModelsQuery), enabled: canEdit });
  const modelOptions = (rates.data?.activeRates ?? []).map((r) => r.model);
  const { serverError } = f;
  return (
    <Box component="form" onSubmit={f.save} noValidate aria-label="Team policy" sx={{ maxWidth: 640 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        One policy for every member’s charge against the team.{' '}
        {canEdit ? 'The team’s OWNERs can change it too.' : 'The team’s OWNERs and ADMIN can change it.'}
      </Typography>
      <Stack spacing={2}>
        <CapFields form={f} canEdit={canEdit} />
        <ModelsAndZone form={f} canEdit={canEdit} modelOptions={modelOptions} />
        {serverError && !serverError.field && (
          <Alert severity="error" role="alert">
            {serverError.message}
          </Alert>
        )}
        {serverError?.field && (
          <Alert severity="error" role="alert">
            Not saved: {serverError.message}
          </Alert>
        )}
        {canEdit && (
          <Box>
            <Button type="submit" variant="contained" disabled={f.busy || !f.check.valid}>
              Save policy
            </Button>
          </Box>
        )}
      </Stack>
    </Box>
  );
}

/** The policy as typed, its messages (a check here, else the server's refusal of that field), and its saving. */
function usePolicyForm(team: TeamDetail) {
  const p = team.policy;
  const [requestCap, setRequestCap] = useState(creditsText(p.requestCapMillicredits));
  const [sessionCap, setSessionCap] = useState(creditsText(p.sessionCapMillicredits));
  const [windowText, setWindowText] = useState(String(p.sessionWindowSeconds));
  const [models, setModels] = useState<string[]>(p.allowedModels ?? []);
  const [zone, setZone] = useState(team.timeZone);
  const [serverError, setServerError] = useState<{ message: string; field: Field | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();

  const check = checkPolicy({ requestCap, sessionCap, windowText, zone });
  const { request, session } = check;
  const fieldError = (field: Field, local: string | null) => local ?? (serverError?.field === field ? serverError.message : null);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!check.valid || !request.ok || !session.ok) return;
    setBusy(true);
    setServerError(null);
    try {
      await api.request(SetTeamPolicyMutation, {
        input: {
          teamId: team.id,
          requestCapMillicredits: request.value,
          sessionCapMillicredits: session.value,
          sessionWindowSeconds: check.windowSeconds,
          allowedModels: models.length ? models : null,
          timeZone: zone.trim(),
        },
      });
      notify('Policy saved', { type: 'success' });
      refresh();
    } catch (err) {
      const field = err instanceof ApiError && typeof err.extensions.field === 'string' ? (err.extensions.field as Field) : null;
      setServerError({ message: errorMessage(err), field });
    } finally {
      setBusy(false);
    }
  }

  const messages = {
    request: fieldError('requestCapMillicredits', request.ok ? null : request.error),
    session: fieldError('sessionCapMillicredits', session.ok ? null : session.error),
    window: fieldError('sessionWindowSeconds', check.windowError),
    zone: fieldError('timeZone', check.zoneError),
    models: fieldError('allowedModels', null),
  };
  const values = { requestCap, setRequestCap, sessionCap, setSessionCap, windowText, setWindowText, models, setModels, zone, setZone };
  return { ...values, check, messages, serverError, busy, save };
}

type PolicyFormState = ReturnType<typeof usePolicyForm>;

function CapFields({ form: f, canEdit }: { form: PolicyFormState; canEdit: boolean }) {
  return (
    <>
      <TextField
        label="Per-request cap (credits)"
        value={f.requestCap}
        onChange={(e) => f.setRequestCap(e.target.value)}
        disabled={!canEdit}
        error={!!f.messages.request}
        helperText={f.messages.request ?? 'The largest single charge (for the proxy: a call’s worst case). Empty: no cap'}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Per-session cap (credits)"
          value={f.sessionCap}
          onChange={(e) => f.setSessionCap(e.target.value)}
          disabled={!canEdit}
          error={!!f.messages.session}
          helperText={f.messages.session ?? 'What one member’s proxy session (X-Session-Id) may spend. Empty: no cap'}
          sx={{ flex: 2 }}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          label="Session window (seconds)"
          value={f.windowText}
          onChange={(e) => f.setWindowText(e.target.value)}
          disabled={!canEdit}
          error={!!f.messages.window}
          helperText={f.messages.window ?? 'The session cap counts over this window'}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
      </Stack>
    </>
  );
}

function ModelsAndZone({ form: f, canEdit, modelOptions }: { form: PolicyFormState; canEdit: boolean; modelOptions: string[] }) {
  return (
    <>
      <Autocomplete
        multiple
        freeSolo
        options={modelOptions}
        value={f.models}
        onChange={(_e, value) => f.setModels(value.map((v) => v.trim()).filter(Boolean))}
        disabled={!canEdit}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Allowed models"
            error={!!f.messages.models}
            helperText={f.messages.models ?? 'Empty: every enabled model. Type a name and press Enter to add it'}
          />
        )}
      />
      <Autocomplete
        freeSolo
        options={ZONES}
        value={f.zone}
        onInputChange={(_e, value) => f.setZone(value)}
        disabled={!canEdit}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Time zone"
            error={!!f.messages.zone}
            helperText={f.messages.zone ?? 'Allocations reset at midnight on the 1st here; members keep this month’s spend when it changes'}
          />
        )}
      />
    </>
  );
}
