import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

/** A signing secret, shown once, with a copy button. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Alert severity="warning" role="status" sx={{ '& .MuiAlert-message': { minWidth: 0, flexGrow: 1 } }}>
      <Typography variant="body2">
        Copy the signing secret now: it is shown once. Verify the <code>creditmeter-signature</code> header with it.
      </Typography>
      <Typography
        component="code"
        data-testid="webhook-secret"
        sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', display: 'block' }}
      >
        {secret}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          color="inherit"
          size="small"
          onClick={() =>
            navigator.clipboard.writeText(secret).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            )
          }
        >
          Copy secret
        </Button>
        <Button color="inherit" size="small" onClick={onDone}>
          Done
        </Button>
      </Stack>
      {copy !== 'idle' && (
        <Typography variant="body2">{copy === 'copied' ? 'Copied.' : 'Copy failed: select the secret and copy it.'}</Typography>
      )}
    </Alert>
  );
}
