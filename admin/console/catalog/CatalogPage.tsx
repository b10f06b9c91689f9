import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Title, useNotify, usePermissions } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/client';
import { formatCredits, formatPercent, formatUsdMicros } from '../../../server/src/money/format';
import { api } from '../api';
import { atLeast } from '../roles';
import { compareWithCatalog, type CatalogPriceRow, type ModelComparison } from './compare';
import { CatalogComparisonQuery, DraftRateCardFromCatalogMutation } from './operations';

/** Micro-dollars per 1k tokens shown as USD per 1M, the unit of the providers' price lists. */
const per1M = (microsPer1k: bigint | null) => (microsPer1k === null ? '—' : formatUsdMicros(microsPer1k * 1000n));

function ComparisonTable({ models }: { models: ModelComparison[] }) {
  return (
    <TableContainer tabIndex={0} role="region" aria-label="Active card against the catalogue, scrollable">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Model</TableCell>
            <TableCell>Token class</TableCell>
            <TableCell align="right">Catalogue cost (USD / 1M)</TableCell>
            <TableCell align="right">Card cost (USD / 1M)</TableCell>
            <TableCell align="right">Customer rate (credits / 1k)</TableCell>
            <TableCell align="right">Margin over cost</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {models.map((m) => (
            <Fragment key={m.model}>
              {m.classes.map((c, i) => (
                <TableRow key={c.label} data-testid={i === 0 ? `compare-${m.model}` : undefined}>
                  {i === 0 && (
                    <TableCell rowSpan={m.classes.length} sx={{ verticalAlign: 'top' }}>
                      <Typography variant="body2">{m.model}</Typography>
                      {!m.inCatalog && <Chip size="small" variant="outlined" label="Not in the catalogue" />}
                      {m.differs && <Chip size="small" color="warning" label="Cost differs from the catalogue" />}
                    </TableCell>
                  )}
                  <TableCell>{c.label}</TableCell>
                  <TableCell align="right">{per1M(c.catalogCost)}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: c.differs ? 700 : 400 }}>
                    {per1M(c.cardCost)}
                  </TableCell>
                  <TableCell align="right">{formatCredits(c.rate)}</TableCell>
                  <TableCell align="right">{formatPercent(c.marginOverCost)}</TableCell>
                </TableRow>
              ))}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** ADMIN: picks catalogue models and a markup, drafts, and opens the publish form (with its diff) on the draft. */
function useDraftForm({ catalog }: { catalog: CatalogPriceRow[] }) {
  const notify = useNotify();
  const navigate = useNavigate();
  const [markup, setMarkup] = useState('30');
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const markupValid = /^\d{1,4}$/.test(markup.trim()) && Number(markup) <= 1000;

  async function draft() {
    setBusy(true);
    try {
      const models = catalog.map((p) => p.model).filter((m) => picked.has(m));
      const { draftRateCardFromCatalog } = await api.request(DraftRateCardFromCatalogMutation, { markupPercent: Number(markup), models });
      navigate('/rateCards/create', { state: { draft: draftRateCardFromCatalog } });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (model: string) => {
    const next = new Set(picked);
    if (!next.delete(model)) next.add(model);
    setPicked(next);
  };

  return { markup, setMarkup, picked, busy, markupValid, draft, toggle };
}

function DraftForm({ catalog }: { catalog: CatalogPriceRow[] }) {
  const { markup, setMarkup, picked, busy, markupValid, draft, toggle } = useDraftForm({ catalog });
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => (e.preventDefault(), markupValid && picked.size > 0 && draft())}
      sx={{ display: 'grid', gap: 2 }}
    >
      <TextField
        label="Markup over cost (%)"
        value={markup}
        onChange={(e) => setMarkup(e.target.value)}
        error={!markupValid}
        helperText={
          markupValid ? 'Each token class is priced at least this much above its catalogue cost' : 'A whole number from 0 to 1000'
        }
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ maxWidth: 320 }}
      />
      <Box component="fieldset" sx={{ border: '1px solid #ccc', borderRadius: 1, m: 0, p: 2 }}>
        <legend style={{ padding: '0 4px' }}>Models to price from the catalogue</legend>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' } }}>
          {catalog.map((p) => (
            <FormControlLabel
              key={p.model}
              control={<Checkbox checked={picked.has(p.model)} onChange={() => toggle(p.model)} />}
              label={`${p.model} (${p.provider})`}
            />
          ))}
        </Box>
      </Box>
      <Box>
        <Button type="submit" variant="contained" disabled={busy || !markupValid || picked.size === 0}>
          Draft rate card from catalogue
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary">
        The draft is the active card with the picked models added or repriced. It opens in the publish form, where you review the changes
        before anything is published.
      </Typography>
    </Box>
  );
}

function NotOnCard({ notOnCard }: { notOnCard: ReturnType<typeof compareWithCatalog>['notOnCard'] }) {
  return (
    <Card variant="outlined" component="section" aria-labelledby="missing-title">
      <CardContent>
        <Typography id="missing-title" variant="h6" component="h2">
          In the catalogue, not on the card
        </Typography>
        {notOnCard.length === 0 ? (
          <Typography color="text.secondary">Every catalogue model is on the active card.</Typography>
        ) : (
          <List dense data-testid="not-on-card">
            {notOnCard.map((p) => (
              <ListItem key={p.model}>
                {p.model} ({p.provider}): calls to it are refused (404 model_not_found) until a card lists it
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

/** Where the active rates differ from the bundled price catalogue, what margin each model makes, and drafting a card from it. */
export default function CatalogPage() {
  const { permissions } = usePermissions<string>();
  const query = useQuery({ queryKey: ['price-catalog'], queryFn: () => api.request(CatalogComparisonQuery) });
  const data = query.data;
  const comparison = data && compareWithCatalog(data.activeRates, data.modelPriceCatalog);
  const first = data?.modelPriceCatalog[0];

  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title="Price catalogue" />
      {query.error && <Alert severity="error">{errorMessage(query.error)}</Alert>}
      {first && (
        <Alert severity="info">
          Catalogue version {first.catalogVersion}: provider prices as of {first.date}. Review them against each provider&apos;s pricing
          page before publishing (<Link href={first.source}>OpenAI</Link>
          {data.modelPriceCatalog.some((p) => p.provider === 'anthropic') && (
            <>
              , <Link href={data.modelPriceCatalog.find((p) => p.provider === 'anthropic')!.source}>Anthropic</Link>
            </>
          )}
          ).
        </Alert>
      )}
      {comparison && (
        <>
          <Card variant="outlined" component="section" aria-labelledby="compare-title">
            <CardContent sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }}>
              <Typography id="compare-title" variant="h6" component="h2">
                Active card against the catalogue
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {comparison.models.filter((m) => m.differs).length} of {comparison.models.length} models have a cost that differs from the
                catalogue. Margin over cost is (rate − cost) / cost; 1 credit = $0.001.
              </Typography>
              <ComparisonTable models={comparison.models} />
            </CardContent>
          </Card>
          <NotOnCard notOnCard={comparison.notOnCard} />
          {atLeast(permissions, 'ADMIN') && (
            <Card variant="outlined" component="section" aria-labelledby="draft-title">
              <CardContent sx={{ display: 'grid', gap: 2 }}>
                <Typography id="draft-title" variant="h6" component="h2">
                  Draft a rate card from the catalogue
                </Typography>
                <DraftForm catalog={data.modelPriceCatalog} />
              </CardContent>
            </Card>
          )}
        </>
      )}
    </Box>
  );
}
