import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { useBusy } from '../busy';
import { type ApiClient } from '../client';
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
  const { busy, run } = useBusy(props.onError);
  const urlError = endpointUrlError(url);
  const eventsError = !all && events.length === 0 ? 'Choose at least one event' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (urlError || eventsError) return;
    await run(async () => {
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
    });
  }

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="New webhook endpoint">
      <UrlFields
        url={url}
        setUrl={setUrl}
        description={description}
        setDescription={setDescription}
        urlError={touched ? urlError : null}
        onBlur={() => setTouched(true)}
      />
      <EventsField all={all} setAll={setAll} events={events} setEvents={setEvents} error={touched ? eventsError : null} />
      <div>
        <Button type="submit" variant="contained" disabled={busy}>
          Add endpoint
        </Button>
      </div>
    </Stack>
  );
}

function UrlFields(props: {
  url: string;
  setUrl: (url: string) => void;
  description: string;
  setDescription: (description: string) => void;
  urlError: string | null;
  onBlur: () => void;
}) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextField
        label="Endpoint URL"
        value={props.url}
        onChange={(e) => props.setUrl(e.target.value)}
        onBlur={props.onBlur}
        error={!!props.urlError}
        helperText={props.urlError ?? 'https on a public address; the server checks it'}
        slotProps={{ htmlInput: { inputMode: 'url', autoComplete: 'url' } }}
        required
        fullWidth
      />
      <TextField
        label="Description (optional)"
        value={props.description}
        onChange={(e) => props.setDescription(e.target.value)}
        fullWidth
      />
    </Stack>
  );
}

function EventsField(props: {
  all: boolean;
  setAll: (all: boolean) => void;
  events: string[];
  setEvents: Dispatch<SetStateAction<string[]>>;
  error: string | null;
}) {
  return (
    <FormGroup>
      <FormLabel component="legend">Events</FormLabel>
      <FormControlLabel control={<Checkbox checked={props.all} onChange={(e) => props.setAll(e.target.checked)} />} label="All events" />
      {!props.all && (
        <FormGroup row>
          {EVENT_TYPES.map((type) => (
            <FormControlLabel
              key={type}
              control={
                <Checkbox
                  checked={props.events.includes(type)}
                  onChange={(e) => props.setEvents((now) => (e.target.checked ? [...now, type] : now.filter((t) => t !== type)))}
                />
              }
              label={type}
            />
          ))}
        </FormGroup>
      )}
      {props.error && (
        <FormLabel error component="p">
          {props.error}
        </FormLabel>
      )}
    </FormGroup>
  );
}
