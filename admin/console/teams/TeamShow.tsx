import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { Show, TabbedShowLayout, TabbedShowLayoutTabs, usePermissions, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate } from '../../shared/dates';
import { formatCredits, formatUsdOfMillicredits } from '../../../server/src/money/format';
import { atLeast } from '../roles';
import { MembersPanel, useMembers } from './MembersPanel';
import { PolicyForm } from './PolicyForm';
import type { TeamDetail } from './resource';

// recharts loads only when the spend tab opens.
const SpendPanel = lazy(() => import('./SpendPanel'));

const capText = (millicredits: string | null) => (millicredits === null ? 'no cap' : `${formatCredits(millicredits)} credits`);

function Header() {
  const team = useRecordContext<TeamDetail>();
  if (!team) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {team.name}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        Team · id {team.id} · {team.timeZone} · since {formatDate(team.createdAt)}
      </Typography>
    </Box>
  );
}

function Overview() {
  const team = useRecordContext<TeamDetail>();
  if (!team) return null;
  const p = team.policy;
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="body2" color="text.secondary" component="h3">
            Team balance
          </Typography>
          <Typography variant="h4" component="p" sx={{ fontWeight: 600 }} data-testid="team-balance">
            {formatCredits(team.balance.balanceMillicredits)} credits
          </Typography>
          <Typography variant="body2" color="text.secondary">
            ≈ {formatUsdOfMillicredits(team.balance.balanceMillicredits)} · available {formatCredits(team.balance.availableMillicredits)} ·
            held {formatCredits(team.balance.heldMillicredits)} · {team.memberCount} active {team.memberCount === 1 ? 'member' : 'members'}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }}>
            <Link component={RouterLink} to={`/accounts/${team.id}/show`}>
              Team account
            </Link>
            <Link component={RouterLink} to={`/accounts/${team.id}/show/ledger`}>
              Ledger
            </Link>
            <Link component={RouterLink} to={`/accounts/${team.id}/show/usage`}>
              Usage
            </Link>
            <Link component={RouterLink} to={`/accounts/${team.id}/show/statements`}>
              Statements
            </Link>
          </Stack>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h3">
            Policy
          </Typography>
          <Typography>
            Per request: {capText(p.requestCapMillicredits)} · per session: {capText(p.sessionCapMillicredits)} over{' '}
            {p.sessionWindowSeconds.toLocaleString('en-US')} s · models:{' '}
            {p.allowedModels ? p.allowedModels.join(', ') : 'every enabled model'}
          </Typography>
        </CardContent>
      </Card>
    </Stack>
  );
}

function Members() {
  const team = useRecordContext<TeamDetail>();
  return team ? <MembersPanel teamId={team.id} timeZone={team.timeZone} /> : null;
}

function Policy() {
  const team = useRecordContext<TeamDetail>();
  // Keyed by the saved policy: a save (or a refresh) resets the form to what the server holds.
  return team ? <PolicyForm key={JSON.stringify([team.policy, team.timeZone])} team={team} /> : null;
}

function Spend() {
  const team = useRecordContext<TeamDetail>();
  const { emailOf } = useMembers(team?.id ?? '');
  if (!team) return null;
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={260} aria-label="Loading spend" />}>
      <SpendPanel teamId={team.id} timeZone={team.timeZone} names={emailOf} />
    </Suspense>
  );
}

export default function TeamShow() {
  const { permissions } = usePermissions<string>();
  return (
    <Show title="Team">
      <Header />
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
        <TabbedShowLayout.Tab label="Overview">
          <Overview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Members" path="members">
          <Members />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Policy" path="policy">
          <Policy />
        </TabbedShowLayout.Tab>
        {atLeast(permissions, 'FINANCE') && (
          <TabbedShowLayout.Tab label="Spend" path="spend">
            <Spend />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}
