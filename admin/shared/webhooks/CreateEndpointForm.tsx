import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { errorMessage, type ApiClient } from '../client';
import { CreateWebhookEndpointMutation } from './operations';
import { EVENT_TYPES, endpointUrlError } from './rules';

/** Registers an endpoint (the account's own, another account's, or the operator's for all). */
export function CreateEndpointForm(props: {
  api: Pick<ApiClient, 'request'>;
  accountId?: string | null;
  allAccounts?: boolean;
  onCreated: (created: { id: string; url: string; secret: string }) => void;
  onError: (message: string) => void;
}) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [events, setEvents] = useState<string[]>(['balance.low', 'credits.exhausted']);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const urlError = endpointUrlError(url);
  const eventsError = !all && events.length === 0 ? 'Choose at least one event' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (urlError || eventsError) return;
    setBusy(true);
    try {
      const { createWebhookEndpoint } = await props.api.request(CreateWebhookEndpointMutation, {
        input: {
          url: url.trim(),
          events: all ? ['*'] : events,
          description: description.trim() || null,
          accountId: props.accountId ?? null,
          allAccounts: props.allAccounts ?? false,
        },
      });
      setUrl('');
      setDescription('');
      setTouched(false);
      props.onCreated({ ...createWebhookEndpoint.endpoint, secret: createWebhookEndpoint.secret });
    } catch (err) {
      props.onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="New webhook endpoint">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField
          label="Endpoint URL"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && !!urlError}
          helperText={touched && urlError ? urlError : 'https on a public address; the server checks it'}
          slotProps={{ htmlInput: { inputMode: 'url', autoComplete: 'url' } }}
          required
          fullWidth
        />
        <TextField label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} fullWidth />
      </Stack>
      <FormGroup>
        <FormLabel component="legend">Events</FormLabel>
        <FormControlLabel control={<Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} />} label="All events" />
        {!all && (
          <FormGroup row>
            {EVENT_TYPES.map((type) => (
              <FormControlLabel
                key={type}
                control={
                  <Checkbox
                    checked={events.includes(type)}
                    onChange={(e) => setEvents((now) => (e.target.checked ? [...now, type] : now.filter((t) => t !== type)))}
                  />
                }
                label={type}
              />
            ))}
          </FormGroup>
        )}
        {touched && eventsError && (
          <FormLabel error component="p">
            {eventsError}
          </FormLabel>
        )}
      </FormGroup>
      <div>
        <Button type="submit" variant="contained" disabled={busy}>
          Add endpoint
        </Button>
      </div>
    </Stack>
  );
}
