import Typography from '@mui/material/Typography';
import type { LowBalanceState } from '../shared/webhooks/LowBalanceForm';
import { EndpointsPanel } from '../shared/webhooks/EndpointsPanel';
import { LowBalanceForm } from '../shared/webhooks/LowBalanceForm';
import { Section } from './Section';
import { api } from './session';

/** Loaded after the page's first paint: alerts and webhooks are for the app's developers, not every visit. */
export default function AlertsAndWebhooks(props: { alerts: LowBalanceState[]; onSaved: () => void }) {
  return (
    <>
      <Section title="Low-balance alerts">
        <LowBalanceForm api={api} alerts={props.alerts} canEdit onSaved={props.onSaved} />
      </Section>
      <Section title="Webhooks">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Your app hears about low balances, refused calls and purchases at these URLs, signed with the endpoint&apos;s secret (see the
          creditmeter-signature header).
        </Typography>
        <EndpointsPanel api={api} canAct />
      </Section>
    </>
  );
}
