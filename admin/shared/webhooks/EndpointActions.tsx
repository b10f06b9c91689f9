import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { errorMessage, type ApiClient } from '../client';
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
  const [grace, setGrace] = useState(true);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, what: Parameters<typeof props.onChanged>[0]) {
    setBusy(true);
    try {
      await action();
      setAsking(null);
      props.onChanged(what);
    } catch (err) {
      props.onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {endpoint.disabledAt ? (
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          onClick={() => run(() => api.request(EnableWebhookEndpointMutation, { id: endpoint.id }), 'enabled')}
        >
          Enable
        </Button>
      ) : (
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          onClick={() => run(() => api.request(DisableWebhookEndpointMutation, { id: endpoint.id }), 'disabled')}
        >
          Disable
        </Button>
      )}
      <Button size="small" variant="outlined" disabled={busy} onClick={() => setAsking('rotate')}>
        Rotate secret
      </Button>
      <Button size="small" variant="outlined" color="error" disabled={busy} onClick={() => setAsking('delete')}>
        Delete
      </Button>
      <ConfirmDialog
        open={asking === 'rotate'}
        title="Rotate the signing secret?"
        confirmLabel="Rotate"
        busy={busy}
        onClose={() => setAsking(null)}
        onConfirm={() =>
          run(async () => {
            const { rotateWebhookEndpointSecret } = await api.request(RotateWebhookSecretMutation, {
              id: endpoint.id,
              graceSeconds: grace ? GRACE_SECONDS : 0,
            });
            props.onSecret(rotateWebhookEndpointSecret.secret);
          }, 'rotated')
        }
      >
        A new secret signs every delivery to {endpoint.url} from now on; it is shown once.
        <FormControlLabel
          sx={{ display: 'flex', mt: 1 }}
          control={<Checkbox checked={grace} onChange={(e) => setGrace(e.target.checked)} />}
          label="Keep signing with the old secret too for 24 hours"
        />
      </ConfirmDialog>
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
