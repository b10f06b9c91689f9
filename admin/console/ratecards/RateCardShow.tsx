import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import {
  Show,
  SimpleShowLayout,
  useRecordContext,
  useRefresh,
  usePermissions,
  DateField,
  TextField,
  NumberField,
  Labeled,
} from 'react-admin';
import { api } from '../api';
import { atLeast } from '../roles';
import { ConfirmedButton } from '../shared/Confirmed';
import { ActivateRateCardMutation, SetModelEnabledMutation, SetRateCardEnabledMutation } from './operations';
import { CLASS_LABELS, classValues, toRow, type ClassField } from './rates';
import type { RateCard } from './resource';

function CardActions() {
  const card = useRecordContext<RateCard>();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string>();
  if (!card || !atLeast(permissions, 'ADMIN')) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      {!card.active && (
        <ConfirmedButton
          label={`Make version ${card.version} active (roll back)`}
          title={`Make rate card version ${card.version} active?`}
          content="Every charge from now on uses this card's rates. The change is audited."
          onConfirm={async () => {
            await api.request(ActivateRateCardMutation, { id: card.id });
            refresh();
          }}
          done={`Version ${card.version} is now active`}
        />
      )}
      <ConfirmedButton
        label={card.enabled ? 'Switch this card off' : 'Switch this card on'}
        title={card.enabled ? `Switch rate card ${card.version} off?` : `Switch rate card ${card.version} on?`}
        content={card.enabled ? 'While the active card is off, every metered call is refused.' : 'Calls can be charged on this card again.'}
        buttonProps={{ color: card.enabled ? 'error' : 'primary' }}
        onConfirm={async () => {
          await api.request(SetRateCardEnabledMutation, { id: card.id, enabled: !card.enabled });
          refresh();
        }}
        done="Rate card switched"
      />
    </Stack>
  );
}

function ModelSwitch({ rate: r, canSwitch, onSwitched }: { rate: RateCard['rates'][number]; canSwitch: boolean; onSwitched: () => void }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Chip size="small" color={r.enabled ? 'success' : 'default'} label={r.enabled ? 'On' : 'Off'} />
      {canSwitch && (
        <ConfirmedButton
          label={r.enabled ? 'Switch off' : 'Switch on'}
          title={r.enabled ? `Switch ${r.model} off?` : `Switch ${r.model} on?`}
          content={
            r.enabled
              ? `Calls to ${r.model} are refused (403 model_disabled) on every instance at once.`
              : `Calls to ${r.model} are accepted again.`
          }
          buttonProps={{
            color: r.enabled ? 'error' : 'primary',
            'aria-label': r.enabled ? `Switch off ${r.model}` : `Switch on ${r.model}`,
          }}
          onConfirm={async () => {
            await api.request(SetModelEnabledMutation, { model: r.model, enabled: !r.enabled });
            onSwitched();
          }}
          done={`${r.model} switched ${r.enabled ? 'off' : 'on'}`}
        />
      )}
    </Stack>
  );
}

function RatesTable() {
  const card = useRecordContext<RateCard>();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string>();
  if (!card) return null;
  const admin = atLeast(permissions, 'ADMIN');
  return (
    <TableContainer tabIndex={0} aria-label="Rates, scrollable">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Model</TableCell>
            <TableCell align="right">Input / 1k</TableCell>
            <TableCell align="right">Cached input / 1k</TableCell>
            <TableCell align="right">Output / 1k</TableCell>
            <TableCell align="right">Cost in / 1k (USD)</TableCell>
            <TableCell align="right">Cost cached / 1k</TableCell>
            <TableCell align="right">Cost out / 1k</TableCell>
            <TableCell>Provider</TableCell>
            <TableCell>Other token classes and long context</TableCell>
            <TableCell>Model switch</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {card.rates.map((r) => (
            <TableRow key={r.model} data-testid={`rate-${r.model}`}>
              <TableCell>
                {r.model} {r.simulated && <Chip size="small" label="simulated" variant="outlined" />}
              </TableCell>
              <TableCell align="right">{r.inputPer1k}</TableCell>
              <TableCell align="right">{r.cachedInputPer1k}</TableCell>
              <TableCell align="right">{r.outputPer1k}</TableCell>
              <TableCell align="right">{r.costInputPer1kUsd}</TableCell>
              <TableCell align="right">{r.costCachedInputPer1kUsd}</TableCell>
              <TableCell align="right">{r.costOutputPer1kUsd}</TableCell>
              <TableCell>{r.provider}</TableCell>
              <TableCell>
                <OtherClasses rate={r} />
              </TableCell>
              <TableCell>
                <ModelSwitch rate={r} canSwitch={admin && card.active} onSwitched={refresh} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The optional class rates and the long-context tier of a rate; the classes not listed are priced at the input or output rate. */
function OtherClasses({ rate }: { rate: RateCard['rates'][number] }) {
  const values = Object.entries(classValues(toRow(rate).extra)).filter(([field]) => field !== 'provider');
  if (values.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        At the input and output rates
      </Typography>
    );
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 1, fontSize: '0.8125rem' }}>
      {values.map(([field, value]) => (
        <Fragment key={field}>
          <Box component="dt" sx={{ color: 'text.secondary' }}>
            {CLASS_LABELS[field as ClassField]}
          </Box>
          <Box component="dd" sx={{ m: 0, textAlign: 'right' }}>
            {value}
          </Box>
        </Fragment>
      ))}
    </Box>
  );
}

export default function RateCardShow() {
  return (
    <Show title="Rate card">
      <SimpleShowLayout>
        <NumberField source="version" />
        <TextField source="name" />
        <Labeled label="State">
          <StateChip />
        </Labeled>
        <DateField source="activatedAt" showTime emptyText="never" />
        <DateField source="createdAt" showTime label="Published" />
        <CardActions />
        <Typography variant="h6" component="h2">
          Rates (credits per 1,000 tokens; provider cost in USD)
        </Typography>
        <RatesTable />
      </SimpleShowLayout>
    </Show>
  );
}

function StateChip() {
  const card = useRecordContext<RateCard>();
  if (!card) return null;
  return (
    <Chip
      size="small"
      color={card.active ? 'success' : 'default'}
      label={`${card.active ? 'Active' : 'Not active'}, ${card.enabled ? 'switched on' : 'switched off'}`}
    />
  );
}
