import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import MuiTextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Confirm, Title, useNotify, useRedirect } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { errorMessage } from '../../shared/client';
import { api } from '../api';
import { PublishRateCardMutation, RateCardsQuery } from './operations';
import {
  CLASS_FIELDS,
  CLASS_LABELS,
  classValues,
  describeExtra,
  diffCards,
  RATE_FIELDS,
  RATE_LABELS,
  toInput,
  toRow,
  validateCard,
  withClass,
  type ApiRate,
  type Change,
  type RateRow,
} from './rates';

const blank: RateRow = {
  model: '',
  inputPer1k: '',
  cachedInputPer1k: '',
  outputPer1k: '',
  costInputPer1kUsd: '',
  costCachedInputPer1kUsd: '',
  costOutputPer1kUsd: '',
  maxOutputTokens: '',
};

function describe(change: Change): string {
  if (change.kind === 'added') return `${change.model}: added`;
  if (change.kind === 'removed') return `${change.model}: removed (calls to it will be refused)`;
  if (change.kind === 'classes')
    return `${change.model}: ${CLASS_LABELS[change.field]} ${change.from ?? 'default'} → ${change.to ?? 'default'}`;
  return `${change.model}: ${RATE_LABELS[change.field]} ${change.from} → ${change.to}`;
}

/** A card drafted from the price catalogue, handed over by the catalogue page. */
interface CatalogDraft {
  name: string;
  catalogVersion: string;
  markupPercent: number;
  draftedModels: string[];
  rates: ApiRate[];
}

/** Publish a new rate card: starts from the active card (or a catalogue draft), validated, confirmed with a diff. */
export default function RateCardCreate() {
  const { draft, active, activeRows, name, setName, rows, setRows } = useStartingCard();
  const [touched, setTouched] = useState(false);
  const { confirming, setConfirming, busy, publish } = usePublish();

  if (!rows) return <Title title="Publish a rate card" />;
  const errors = validateCard(name, rows);
  const valid = Object.keys(errors).length === 0;

  return (
    <Box sx={{ py: 2 }}>
      <Title title="Publish a rate card" />
      <Card variant="outlined">
        <CardContent>
          <Stack
            spacing={2}
            component="form"
            noValidate
            onSubmit={(e) => (e.preventDefault(), setTouched(true), valid && setConfirming(true))}
          >
            <CardIntro draft={draft} />
            <MuiTextField
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={touched && !!errors.name}
              helperText={touched && errors.name}
              required
              sx={{ maxWidth: 420 }}
            />
            <ModelFieldsets rows={rows} setRows={setRows} errors={touched ? errors : {}} />
            {touched && errors.models && <Alert severity="error">{errors.models}</Alert>}
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" onClick={() => setRows([...rows, { ...blank }])}>
                Add a model
              </Button>
              <Button variant="contained" type="submit" disabled={busy}>
                Review and publish
              </Button>
            </Stack>
            {touched && !valid && <Alert severity="error">Fix the fields marked in red.</Alert>}
          </Stack>
        </CardContent>
      </Card>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="Publish this rate card?"
        confirm="Publish"
        onClose={() => setConfirming(false)}
        onConfirm={() => publish(name, rows)}
        content={<RateDiff activeVersion={active?.version ?? null} changes={diffCards(activeRows, rows)} />}
      />
    </Box>
  );
}

/** The card to start from: a catalogue draft handed over by the catalogue page, else the active card (or one blank model). */
function useStartingCard() {
  const draft = (useLocation().state as { draft?: CatalogDraft } | null)?.draft ?? null;
  const cards = useQuery({ queryKey: ['rateCards-for-publish'], queryFn: () => api.request(RateCardsQuery) });
  const active = cards.data?.rateCards.find((c) => c.active);
  const activeRows: RateRow[] = (active?.rates ?? []).map(toRow);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<RateRow[] | null>(null);

  useEffect(() => {
    if (cards.data && rows === null) {
      if (draft) {
        setRows(draft.rates.map(toRow));
        setName(draft.name);
      } else {
        setRows(activeRows.length ? activeRows : [{ ...blank }]);
        setName(active ? `${active.name} (v${active.version + 1})` : 'Standard');
      }
    }
  }, [cards.data]); // runs once the cards load, not again when `name` changes
  return { draft, active, activeRows, name, setName, rows, setRows };
}

/** Publishing after the confirmation: on success, to the new card's page. */
function usePublish() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function publish(name: string, rows: RateRow[]) {
    setBusy(true);
    try {
      const input = { name: name.trim(), rates: rows.map(toInput) };
      const { publishRateCard } = await api.request(PublishRateCardMutation, { input });
      notify(`Version ${publishRateCard.version} published and active`, { type: 'success' });
      redirect('show', 'rateCards', publishRateCard.id);
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }
  return { confirming, setConfirming, busy, publish };
}

function CardIntro({ draft }: { draft: CatalogDraft | null }) {
  return (
    <>
      {draft && (
        <Alert severity="info" data-testid="catalog-draft">
          Drafted from price catalogue {draft.catalogVersion} at {draft.markupPercent}% over cost: {draft.draftedModels.join(', ')}. Review
          the catalogue prices before publishing.
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        A published card becomes active at once. Rates are credits per 1,000 tokens (up to three decimals); costs are the provider's USD per
        1,000 tokens.
      </Typography>
    </>
  );
}

const GRID = {
  display: 'grid',
  gap: 1.5,
  gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' },
  alignItems: 'start',
} as const;

function ModelFieldsets(props: { rows: RateRow[]; setRows: (rows: RateRow[]) => void; errors: Record<string, string> }) {
  const { rows, setRows } = props;
  return (
    <>
      {rows.map((row, i) => (
        <ModelFieldset
          key={i}
          index={i}
          row={row}
          errors={props.errors}
          onChange={(next) => setRows(rows.map((r, j) => (j === i ? next : r)))}
          onRemove={() => setRows(rows.filter((_r, j) => j !== i))}
        />
      ))}
    </>
  );
}

/** One model's rates; `errors` holds only what is to be shown (none before the first submit). */
function ModelFieldset(props: {
  index: number;
  row: RateRow;
  errors: Record<string, string>;
  onChange: (row: RateRow) => void;
  onRemove: () => void;
}) {
  const { index: i, row, errors } = props;
  const setCell = (field: keyof RateRow, value: string) => props.onChange({ ...row, [field]: value });
  return (
    <Card variant="outlined" component="fieldset" sx={{ p: 2, m: 0, border: '1px solid #ccc' }}>
      <legend style={{ padding: '0 4px' }}>Model {i + 1}</legend>
      <Box sx={GRID}>
        <MuiTextField
          size="small"
          label="Model"
          value={row.model}
          onChange={(e) => setCell('model', e.target.value)}
          error={!!errors[`${i}.model`]}
          helperText={errors[`${i}.model`]}
        />
        {RATE_FIELDS.map((field) => (
          <MuiTextField
            key={field}
            size="small"
            label={RATE_LABELS[field]}
            value={row[field]}
            onChange={(e) => setCell(field, e.target.value)}
            error={!!errors[`${i}.${field}`]}
            helperText={errors[`${i}.${field}`]}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
        ))}
        <Box>
          <IconButton aria-label={`Remove model ${row.model || i + 1}`} onClick={props.onRemove}>
            <DeleteIcon />
          </IconButton>
        </Box>
      </Box>
      <ExtraClasses index={i} row={row} errors={errors} onChange={props.onChange} />
    </Card>
  );
}

/** The optional provider, other token classes and long-context tier of one model, folded away. */
function ExtraClasses(props: { index: number; row: RateRow; errors: Record<string, string>; onChange: (row: RateRow) => void }) {
  const { index: i, row, errors } = props;
  return (
    <Accordion disableGutters variant="outlined" sx={{ mt: 1.5 }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`classes-${i}`} id={`classes-${i}-summary`}>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          Provider, other token classes and long context (optional): {describeExtra(row.extra)}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id={`classes-${i}`}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Empty: the provider is openai, a class is priced at the input rate (audio output: the output rate; a 1-hour cache write: the
          5-minute one). Above the long-context threshold of prompt tokens the tier&apos;s rates price the whole call; a tier class left
          empty keeps the base rate.
        </Typography>
        <Box sx={GRID}>
          {CLASS_FIELDS.map((field) => (
            <MuiTextField
              key={field}
              size="small"
              label={CLASS_LABELS[field]}
              value={classValues(row.extra)[field] ?? ''}
              onChange={(e) => props.onChange({ ...row, extra: withClass(row.extra, field, e.target.value) })}
              error={!!errors[`${i}.${field}`]}
              helperText={errors[`${i}.${field}`]}
            />
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

function RateDiff({ activeVersion, changes }: { activeVersion: number | null; changes: Change[] }) {
  return (
    <Box data-testid="rate-diff">
      <Typography>
        {activeVersion !== null ? `Changes against the active card (version ${activeVersion}):` : 'There is no active card yet.'}
      </Typography>
      {changes.length === 0 ? (
        <Typography color="text.secondary">No rate changes; only a new version.</Typography>
      ) : (
        <List dense>
          {changes.map((c) => (
            <ListItem key={describe(c)}>{describe(c)}</ListItem>
          ))}
        </List>
      )}
      <Typography variant="body2">It becomes active at once and is audited.</Typography>
    </Box>
  );
}
