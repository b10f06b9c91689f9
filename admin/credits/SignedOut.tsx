import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorText } from './ErrorText';
import { Section } from './Section';
import { api } from './session';
import { SignInWithKeyMutation } from './operations';
import { errorMessage } from '../shared/client';

/** How long a portal link lives, from the server (5 minutes by default). */
const DEFAULT_LINK_MINUTES = 5;

export function SignedOut({
  error,
  onSignedIn,
  linkExpired,
  returnTo,
}: {
  error?: string;
  onSignedIn: () => void;
  linkExpired?: boolean;
  returnTo?: string | null;
}) {
  const { production, linkMinutes } = useFacesConfig();

  return (
    <Stack spacing={3} sx={{ maxWidth: 640, mx: 'auto' }}>
      {error && <Alert severity="error">{error}</Alert>}
      {linkExpired && <LinkExpired minutes={linkMinutes} returnTo={returnTo} />}
      <HowToOpen minutes={linkMinutes} />
      {!production && <KeySignIn onSignedIn={onSignedIn} />}
    </Stack>
  );
}

/** Whether this is production, and how long a portal link lives, from the server. */
function useFacesConfig() {
  const [production, setProduction] = useState(true);
  const [linkMinutes, setLinkMinutes] = useState(DEFAULT_LINK_MINUTES);
  useEffect(() => {
    fetch('/faces/config.json')
      .then((r) => r.json() as Promise<{ production: boolean; portalLinkMinutes?: number }>)
      .then(
        (c) => {
          setProduction(c.production);
          if (c.portalLinkMinutes) setLinkMinutes(c.portalLinkMinutes);
        },
        () => setProduction(true),
      );
  }, []);
  return { production, linkMinutes };
}

function LinkExpired(props: { minutes: number; returnTo?: string | null }) {
  return (
    <Alert severity="warning" data-testid="link-expired">
      <AlertTitle>This link has expired</AlertTitle>
      Sign-in links work once and for {minutes(props.minutes)}.{' '}
      {props.returnTo
        ? 'Get a new link from the app: it opens this page signed in.'
        : 'Open this page from the app again (Buy credits or Billing) for a new one.'}
      {props.returnTo && (
        <Button
          color="inherit"
          variant="outlined"
          size="small"
          href={props.returnTo}
          sx={{ display: 'flex', width: 'fit-content', mt: 1.5 }}
        >
          Get a new link
        </Button>
      )}
    </Alert>
  );
}

function HowToOpen(props: { minutes: number }) {
  return (
    <Section title="Open your Credits page from the app">
      <Typography component="div">
        <p style={{ marginTop: 0 }}>
          This page shows the balance, purchases and usage of one account. For your security it opens only through a one-time link that the
          app creates for you.
        </p>
        <ol style={{ paddingLeft: '1.25rem' }}>
          <li>Open the app you use these credits in.</li>
          <li>
            Choose <strong>Buy credits</strong> or <strong>Billing</strong> (or follow the link in an “out of credits” message).
          </li>
          <li>The app opens this page signed in to your account.</li>
        </ol>
        <p style={{ marginBottom: 0 }}>
          Links work once and expire {minutes(props.minutes)} after the app makes them: if yours has expired, open the page from the app
          again.
        </p>
      </Typography>
    </Section>
  );
}

/** Outside production only: a key traded for a session cookie of its account. */
function KeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [key, setKey] = useState('');
  const [signInError, setSignInError] = useState<string | null>(null);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setSignInError(null);
    try {
      await api.request(SignInWithKeyMutation, { key: key.trim() });
      setKey('');
      onSignedIn();
    } catch (err) {
      setSignInError(errorMessage(err));
    }
  }

  return (
    <Section title="Development: sign in with an API key">
      <Stack component="form" spacing={2} onSubmit={signIn}>
        <Typography variant="body2" color="text.secondary">
          Only outside production. The key is traded for a session cookie of its account; it is not kept.
        </Typography>
        <TextField
          label="API key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          type="password"
          autoComplete="off"
          required
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <div>
          <Button type="submit" variant="contained" disabled={!key.trim()}>
            Sign in with key
          </Button>
        </div>
        <ErrorText error={signInError} />
      </Stack>
    </Section>
  );
}

const minutes = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);
