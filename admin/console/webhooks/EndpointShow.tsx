import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Show, useNotify, usePermissions, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { Link } from 'react-router-dom';
import { useBusy } from '../../shared/busy';
import { formatDateTime } from '../../shared/dates';
import type { WebhookDeliveriesQuery } from '../../shared/gql/graphql';
import { EndpointActions } from '../../shared/webhooks/EndpointActions';
import { RedeliverWebhookEventMutation, WebhookDeliveriesQuery as Deliveries } from '../../shared/webhooks/operations';
import { SecretOnce } from '../../shared/webhooks/SecretOnce';
import { api } from '../api';
import { atLeast } from '../roles';
import { CursorTable } from '../shared/CursorTable';
import { pageOf } from '../../shared/paging';
import type { Endpoint } from './resource';

type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];

const STATUS_COLOR: Record<string, 'success' | 'warning' | 'error' | 'default'> = {
  DELIVERED: 'success',
  PENDING: 'default',
  FAILED: 'error',
  CANCELLED: 'default',
};

function Redeliver({ endpointId, delivery }: { endpointId: string; delivery: Delivery }) {
  const notify = useNotify();
  const client = useQueryClient();
  const { busy, run } = useBusy((message) => notify(message, { type: 'error' }));
  return (
    <Button
      size="small"
      variant="outlined"
      disabled={busy}
      aria-label={`Redeliver event ${delivery.eventId}`}
      onClick={async () => {
        await run(async () => {
          await api.request(RedeliverWebhookEventMutation, { endpointId, eventId: delivery.eventId });
          notify(`Event ${delivery.eventType} queued again with the same id`, { type: 'success' });
          await client.invalidateQueries({ queryKey: ['deliveries', endpointId] });
        });
      }}
    >
      Redeliver
    </Button>
  );
}

function Details() {
  const endpoint = useRecordContext<Endpoint>();
  const { permissions } = usePermissions<string>();
  if (!endpoint) return null;
  const admin = atLeast(permissions, 'ADMIN');
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <EndpointCard endpoint={endpoint} admin={admin} />
      <Typography variant="h6" component="h2">
        Delivery log
      </Typography>
      {!admin && <Alert severity="info">Redelivering events needs the ADMIN role.</Alert>}
      <DeliveryLog endpointId={endpoint.id} admin={admin} />
      <Box />
    </Stack>
  );
}

/** The endpoint: its URL, status, owner, events, last deliveries, and its actions (ADMIN). */
function EndpointCard({ endpoint, admin }: { endpoint: Endpoint; admin: boolean }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const client = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Card variant="outlined">
      <CardContent sx={{ display: 'grid', gap: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h6" component="h1" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', minWidth: 0 }}>
            {endpoint.url}
          </Typography>
          <Chip
            size="small"
            label={endpoint.status}
            color={endpoint.disabledAt ? 'default' : endpoint.failingSince ? 'error' : 'success'}
          />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {endpoint.accountId ? (
            <>
              Account <Link to={`/accounts/${endpoint.accountId}/show`}>{endpoint.accountId}</Link>
            </>
          ) : (
            "Operator-wide: every account's events"
          )}{' '}
          · {endpoint.events.includes('*') ? 'all events' : endpoint.events.join(', ')} · added {formatDateTime(endpoint.createdAt)}
          {endpoint.description && ` · ${endpoint.description}`}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Last delivered {formatDateTime(endpoint.lastSuccessAt)} · last failure {formatDateTime(endpoint.lastFailureAt)}
          {endpoint.disabledAt && ` · disabled ${formatDateTime(endpoint.disabledAt)} (${endpoint.disabledReason ?? 'manual'})`}
        </Typography>
        {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
        {admin && (
          <EndpointActions
            api={api}
            endpoint={endpoint}
            onError={(m) => notify(m, { type: 'error' })}
            onSecret={setSecret}
            onChanged={(what) => {
              notify(`Endpoint ${what}`, { type: 'success' });
              if (what === 'deleted') redirect('list', 'webhookEndpoints');
              else {
                refresh();
                void client.invalidateQueries({ queryKey: ['deliveries', endpoint.id] });
              }
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}

const lastDuration = (d: Delivery) => d.attemptLog[0]?.durationMs;

function DeliveryLog({ endpointId, admin }: { endpointId: string; admin: boolean }) {
  return (
    <CursorTable<Delivery>
      label="Delivery log"
      empty="No deliveries yet: events appear here as they happen."
      queryKey={['deliveries', endpointId]}
      load={async (after) => {
        const c = (await api.request(Deliveries, { endpointId, first: 25, after })).webhookDeliveries;
        return pageOf(c);
      }}
      rowKey={(d) => d.id}
      columns={[
        { label: 'Event', value: (d) => `${d.eventType} (${formatDateTime(d.eventCreatedAt)})` },
        { label: 'Status', value: (d) => <Chip size="small" label={d.status} color={STATUS_COLOR[d.status] ?? 'default'} /> },
        { label: 'Attempts', value: (d) => d.attempts, numeric: true },
        { label: 'Last answer', value: (d) => (d.lastStatusCode ?? d.lastError ?? '—').toString() },
        { label: 'Time', value: (d) => (lastDuration(d) == null ? '—' : `${lastDuration(d)} ms`), numeric: true },
        { label: 'Last attempt', value: (d) => formatDateTime(d.lastAttemptAt) },
        { label: 'Next retry', value: (d) => (d.status === 'PENDING' ? formatDateTime(d.nextAttemptAt) : '—') },
        { label: 'Event id', value: (d) => <code style={{ fontSize: 12 }}>{d.eventId}</code> },
        ...(admin ? [{ label: 'Action', value: (d: Delivery) => <Redeliver endpointId={endpointId} delivery={d} /> }] : []),
      ]}
    />
  );
}

export default function EndpointShow() {
  return (
    <Show title="Webhook endpoint" component="div">
      <Details />
    </Show>
  );
}
