import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useBusy } from '../busy';
import { type ApiClient } from '../client';
import { ConfirmDialog } from './ConfirmDialog';
import {
  DeleteWebhookEndpointMutation,
  DisableWebhookEndpointMutation,
  EnableWebhookEndpointMutation,
  RotateWebhookSecretMutation,
} from './operations';

const GRACE_SECONDS = 24 * 3600;

/** Disable or enable, rotate the secret (shown once), delete: each asked for first when it cannot be undone. */
export function EndpointActions(props: {
  api: Pick<ApiClient, 'request'>;
  endpoint: { id: string; url: string; disabledAt?: string | null };
  onChanged: (what: 'disabled' | 'enabled' | 'deleted' | 'rotated') => void;
  onSecret: (secret: string) => void;
  onError: (message: string) => void;
}) {
  const { api, endpoint } = props;
  const [asking, setAsking] = useState<'rotate' | 'delete' | null>(null);
  const { busy, run: runBusy } = useBusy(props.onError);
  const run = (action: () => Promise<unknown>, what: Parameters<typeof props.onChanged>[0]) =>
    runBusy(async () => {
      await action();
      setAsking(null);
      props.onChanged(what);
    });
  const toggle = () =>
    endpoint.disabledAt
      ? run(() => api.request(EnableWebhookEndpointMutation, { id: endpoint.id }), 'enabled')
      : run(() => api.request(DisableWebhookEndpointMutation, { id: endpoint.id }), 'disabled');

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Button size="small" variant="outlined" disabled={busy} onClick={toggle}>
        {endpoint.disabledAt ? 'Enable' : 'Disable'}
      </Button>
      <Button size="small" variant="outlined" disabled={busy} onClick={() => setAsking('rotate')}>
        Rotate secret
      </Button>
      <Button size="small" variant="outlined" color="error" disabled={busy} onClick={() => setAsking('delete')}>
        Delete
      </Button>
      <RotateDialog
        open={asking === 'rotate'}
        url={endpoint.url}
        busy={busy}
        onClose={() => setAsking(null)}
        onConfirm={(graceSeconds) =>
          run(async () => {
            const { rotateWebhookEndpointSecret } = await api.request(RotateWebhookSecretMutation, { id: endpoint.id, graceSeconds });
            props.onSecret(rotateWebhookEndpointSecret.secret);
          }, 'rotated')
        }
      />
      <ConfirmDialog
        open={asking === 'delete'}
        title="Delete this endpoint?"
        confirmLabel="Delete"
        danger
        busy={busy}
        onClose={() => setAsking(null)}
        onConfirm={() => run(() => api.request(DeleteWebhookEndpointMutation, { id: endpoint.id }), 'deleted')}
      >
        {endpoint.url} stops receiving events at once; pending deliveries are cancelled. Its delivery log is kept.
      </ConfirmDialog>
    </Stack>
  );
}

/** Asks before rotating; the old secret may keep signing for a day. */
function RotateDialog(props: {
  open: boolean;
  url: string;
  busy: boolean;
  onClose: () => void;
  onConfirm: (graceSeconds: number) => void;
}) {
  const [grace, setGrace] = useState(true);
  return (
    <ConfirmDialog
      open={props.open}
      title="Rotate the signing secret?"
      confirmLabel="Rotate"
      busy={props.busy}
      onClose={props.onClose}
      onConfirm={() => props.onConfirm(grace ? GRACE_SECONDS : 0)}
    >
      A new secret signs every delivery to {props.url} from now on; it is shown once.
      <FormControlLabel
        sx={{ display: 'flex', mt: 1 }}
        control={<Checkbox checked={grace} onChange={(e) => setGrace(e.target.checked)} />}
        label="Keep signing with the old secret too for 24 hours"
      />
    </ConfirmDialog>
  );
}
