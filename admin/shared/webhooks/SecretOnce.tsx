import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

/** A signing secret, shown once, with a copy button. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Alert
      severity="warning"
      role="status"
      action={
        <>
          <Button
            color="inherit"
            size="small"
            onClick={() =>
              navigator.clipboard.writeText(secret).then(
                () => setCopy('copied'),
                () => setCopy('failed'),
              )
            }
          >
            Copy
          </Button>
          <Button color="inherit" size="small" onClick={onDone}>
            Done
          </Button>
        </>
      }
      sx={{ '& .MuiAlert-message': { minWidth: 0 } }}
    >
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
      {copy !== 'idle' && (
        <Typography variant="body2">{copy === 'copied' ? 'Copied.' : 'Copy failed: select the secret and copy it.'}</Typography>
      )}
    </Alert>
  );
}
