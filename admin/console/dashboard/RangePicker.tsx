import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { formatUtcDay, timeZone } from '../../shared/dates';
import { rangeOf, type RangeChoice } from './range';

type CustomDays = { from: string; to: string };

/** The dashboard's range: a preset number of days or custom days, 30 days to start with. */
export function useDashboardRange() {
  const [choice, setChoice] = useState<RangeChoice>('30');
  const [custom, setCustom] = useState<CustomDays>(() => {
    const r = rangeOf('30', { from: '', to: '' });
    return { from: r.days[0], to: r.days.at(-1)! };
  });
  const range = useMemo(() => rangeOf(choice, custom), [choice, custom]);
  return { choice, setChoice, custom, setCustom, range };
}

function CustomDaysFields(props: { custom: CustomDays; setCustom: (update: (c: CustomDays) => CustomDays) => void }) {
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        type="date"
        size="small"
        label="From (UTC)"
        value={props.custom.from}
        onChange={(e) => props.setCustom((c) => ({ ...c, from: e.target.value }))}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        size="small"
        label="To (UTC)"
        value={props.custom.to}
        onChange={(e) => props.setCustom((c) => ({ ...c, to: e.target.value }))}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
}

export function RangePicker(props: ReturnType<typeof useDashboardRange>) {
  const { choice, setChoice, range } = props;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={choice}
        onChange={(_e, v: RangeChoice | null) => v && setChoice(v)}
        aria-label="Date range"
      >
        <ToggleButton value="7">7 days</ToggleButton>
        <ToggleButton value="30">30 days</ToggleButton>
        <ToggleButton value="90">90 days</ToggleButton>
        <ToggleButton value="custom">Custom</ToggleButton>
      </ToggleButtonGroup>
      {choice === 'custom' && <CustomDaysFields custom={props.custom} setCustom={props.setCustom} />}
      <Typography variant="body2" color="text.secondary" data-testid="time-zone">
        Days are UTC calendar days ({formatUtcDay(range.days[0])} – {formatUtcDay(range.days.at(-1)!)}). Times are shown in {timeZone}.
      </Typography>
    </Stack>
  );
}
