import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { CreateEndpointForm } from '../../shared/webhooks/CreateEndpointForm';
import { SecretOnce } from '../../shared/webhooks/SecretOnce';
import { api } from '../api';

/** Not react-admin's create form: the answer carries the secret, which must be shown once before leaving. */
export default function EndpointCreate() {
  const notify = useNotify();
  const [scope, setScope] = useState<'all' | 'account'>('all');
  const [accountId, setAccountId] = useState('');
  const [created, setCreated] = useState<{ id: string; url: string; secret: string } | null>(null);
  return (
    <Box sx={{ py: 2 }}>
      <Title title="Add a webhook endpoint" />
      <Card variant="outlined">
        <CardContent sx={{ display: 'grid', gap: 2 }}>
          <Typography variant="h6" component="h1">
            Add a webhook endpoint
          </Typography>
          {created ? (
            <>
              <SecretOnce secret={created.secret} onDone={() => setCreated(null)} />
              <Typography>
                {created.url} is registered. <Link to={`/webhookEndpoints/${created.id}/show`}>Open its delivery log</Link>
              </Typography>
            </>
          ) : (
            <>
              <RadioGroup row value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'account')} aria-label="Whose events">
                <FormControlLabel value="all" control={<Radio />} label="Operator-wide: every account's events" />
                <FormControlLabel value="account" control={<Radio />} label="One account's events" />
              </RadioGroup>
              {scope === 'account' && (
                <TextField label="Account id" value={accountId} onChange={(e) => setAccountId(e.target.value)} required />
              )}
              <CreateEndpointForm
                api={api}
                allAccounts={scope === 'all'}
                accountId={scope === 'account' ? accountId.trim() || null : null}
                onError={(m) => notify(m, { type: 'error' })}
                onCreated={setCreated}
              />
            </>
          )}
          <div>
            <Button component={Link} to="/webhookEndpoints">
              Back to the endpoints
            </Button>
          </div>
        </CardContent>
      </Card>
    </Box>
  );
}
