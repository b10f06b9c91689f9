import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, type ApiClient } from '../client';
import { formatDateTime } from '../dates';
import type { WebhookEndpointsQuery as EndpointsData } from '../gql/graphql';
import { CreateEndpointForm } from './CreateEndpointForm';
import { EndpointActions } from './EndpointActions';
import { WebhookEndpointsQuery } from './operations';
import { endpointStatus } from './rules';
import { SecretOnce } from './SecretOnce';

export type WebhookEndpointRow = EndpointsData['webhookEndpoints'][number];

const NOTICES = { disabled: 'Endpoint disabled.', enabled: 'Endpoint enabled.', deleted: 'Endpoint deleted.', rotated: 'Secret rotated.' };

/**
 * An account's webhook endpoints (or the operator's): list, add (secret shown once), disable or
 * enable, rotate, delete. Used by the Credits page and the console's account page.
 */
export function EndpointsPanel(props: {
  api: Pick<ApiClient, 'request'>;
  accountId?: string | null;
  allAccounts?: boolean;
  canAct: boolean;
  /** Where an endpoint's delivery log is (the console), if anywhere. */
  logHref?: (endpointId: string) => string;
}) {
  const { api, accountId, allAccounts } = props;
  const { rows, error, setError, notice, setNotice, secret, setSecret, failed, succeeded } = useEndpoints(api, accountId, allAccounts);

  return (
    <Stack spacing={2}>
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      {rows === null && !error && <Typography color="text.secondary">Loading endpoints…</Typography>}
      {rows?.length === 0 && <Typography color="text.secondary">No endpoints yet.</Typography>}
      {rows && rows.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }} aria-label="Webhook endpoints">
          {rows.map((e) => (
            <EndpointItem
              key={e.id}
              api={api}
              endpoint={e}
              canAct={props.canAct}
              logHref={props.logHref}
              onError={failed}
              onSecret={setSecret}
              onChanged={(what) => succeeded(NOTICES[what])}
            />
          ))}
        </Box>
      )}
      {props.canAct && (
        <>
          <Typography variant="subtitle1" component="h3">
            Add an endpoint
          </Typography>
          <CreateEndpointForm
            api={api}
            accountId={accountId}
            allAccounts={allAccounts}
            onError={failed}
            onCreated={(created) => succeeded(`Endpoint ${created.url} added.`, created.secret)}
          />
        </>
      )}
    </Stack>
  );
}

/** The endpoints and what the panel says about them (an error, a notice, a secret shown once). */
function useEndpoints(api: Pick<ApiClient, 'request'>, accountId?: string | null, allAccounts?: boolean) {
  const [rows, setRows] = useState<WebhookEndpointRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const data = await api.request(WebhookEndpointsQuery, { accountId: accountId ?? null, allAccounts: allAccounts ?? false });
      setRows(data.webhookEndpoints);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [api, accountId, allAccounts]);
  useEffect(() => void load(), [load]);

  const failed = (message: string) => {
    setNotice(null);
    setError(message);
  };
  const succeeded = (message: string, newSecret?: string) => {
    setError(null);
    setNotice(message);
    if (newSecret !== undefined) setSecret(newSecret);
    void load();
  };
  return { rows, error, setError, notice, setNotice, secret, setSecret, failed, succeeded };
}

/** One endpoint: its URL and status, what it listens to, its actions. */
function EndpointItem(props: {
  api: Pick<ApiClient, 'request'>;
  endpoint: WebhookEndpointRow;
  canAct: boolean;
  logHref?: (endpointId: string) => string;
  onChanged: (what: keyof typeof NOTICES) => void;
  onSecret: (secret: string) => void;
  onError: (message: string) => void;
}) {
  const { api, endpoint: e, canAct, logHref } = props;
  return (
    <Box
      component="li"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, display: 'grid', gap: 1, minWidth: 0 }}
      data-testid="webhook-endpoint"
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', minWidth: 0, flexShrink: 1 }}>
          {e.url}
        </Typography>
        <Chip size="small" label={endpointStatus(e)} color={e.disabledAt ? 'default' : e.failingSince ? 'error' : 'success'} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {e.description ? `${e.description} · ` : ''}
        {e.events.includes('*') ? 'All events' : e.events.join(', ')} · added {formatDateTime(e.createdAt)}
        {e.lastSuccessAt && ` · last delivered ${formatDateTime(e.lastSuccessAt)}`}
        {e.failingSince && ` · failing since ${formatDateTime(e.failingSince)}`}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {canAct && <EndpointActions api={api} endpoint={e} onError={props.onError} onSecret={props.onSecret} onChanged={props.onChanged} />}
        {logHref && <Link href={logHref(e.id)}>Delivery log</Link>}
      </Stack>
    </Box>
  );
}
