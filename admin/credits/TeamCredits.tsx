import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/client';
import type { CreditsPageQuery, CreditsTeamQuery as TeamData } from '../shared/gql/graphql';
import { formatCredits, formatUsdOfMillicredits } from '../../server/src/money/format';
import { CreditsTeamQuery } from './operations';
import { PacksCard } from './PacksCard';
import { Section } from './Section';
import { api } from './session';

type Team = NonNullable<TeamData['team']>;
type Member = Team['members'][number];
type Pack = CreditsPageQuery['creditPacks'][number];

const periodDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone }).format(new Date(iso));

/** The teams the account belongs to: an OWNER sees the team's balance and every member; a MEMBER their own allocation. */
export default function TeamCredits(props: {
  accountId: string;
  teams: Array<{ id: string; name: string }>;
  packs: Pack[];
  returnTo: string | null;
}) {
  return (
    <>
      {props.teams.map((t) => (
        <TeamSection key={t.id} teamId={t.id} name={t.name} accountId={props.accountId} packs={props.packs} returnTo={props.returnTo} />
      ))}
    </>
  );
}

function TeamSection(props: { teamId: string; name: string; accountId: string; packs: Pack[]; returnTo: string | null }) {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.request(CreditsTeamQuery, { id: props.teamId }).then(
      (data) => setTeam(data.team ?? null),
      (err) => setError(errorMessage(err)),
    );
  }, [props.teamId]);

  const me = team?.members.find((m) => m.accountId === props.accountId) ?? null;
  const owner = me?.role === 'OWNER';
  return (
    <Stack spacing={{ xs: 2, sm: 3 }} data-testid="team-credits">
      <Section title={`Team: ${props.name}`} action={me && <Chip size="small" variant="outlined" label={owner ? 'Owner' : 'Member'} />}>
        {error && <Alert severity="error">{error}</Alert>}
        {!team && !error && (
          <Box role="status" aria-label={`Loading team ${props.name}`}>
            <Skeleton variant="rounded" height={120} />
          </Box>
        )}
        {team && me && (
          <Stack spacing={2}>
            {owner && (
              <Box>
                <Typography component="p" sx={{ fontSize: { xs: '1.75rem', sm: '2rem' }, fontWeight: 600, lineHeight: 1.2 }}>
                  <span data-testid="team-balance-credits">{formatCredits(team.balance.availableMillicredits, { decimals: 'trim' })}</span>
                  <Typography component="span" sx={{ display: 'block', fontSize: '1rem', fontWeight: 400, color: 'text.secondary' }}>
                    team credits available (≈ {formatUsdOfMillicredits(team.balance.availableMillicredits)} USD)
                  </Typography>
                </Typography>
              </Box>
            )}
            <OwnAllocation member={me} timeZone={team.timeZone} />
            {owner && <MembersTable members={team.members} timeZone={team.timeZone} />}
          </Stack>
        )}
      </Section>
      {team && owner && <PacksCard packs={props.packs} returnTo={props.returnTo} team={{ id: team.id, name: team.name }} />}
    </Stack>
  );
}

function OwnAllocation({ member, timeZone }: { member: Member; timeZone: string }) {
  const cap = member.monthlyAllocationMillicredits;
  const spent = BigInt(member.spentThisPeriodMillicredits);
  const used = cap === null || BigInt(cap) === 0n ? null : Number((spent * 100n) / BigInt(cap));
  return (
    <Box data-testid="own-allocation">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Your allocation
      </Typography>
      {cap === null ? (
        <Typography>
          No monthly cap: you may spend up to the team’s balance. Spent this month: {formatCredits(spent, { decimals: 'trim' })} credits.
        </Typography>
      ) : (
        <>
          <Typography>
            <strong data-testid="own-remaining">
              {formatCredits(member.remainingThisPeriodMillicredits ?? '0', { decimals: 'trim' })}
            </strong>{' '}
            of {formatCredits(cap, { decimals: 'trim' })} credits left this month
          </Typography>
          <LinearProgress
            variant="determinate"
            value={Math.min(100, used ?? 100)}
            sx={{ my: 1, height: 8, borderRadius: 4 }}
            aria-label={`Allocation used: ${formatCredits(spent, { decimals: 'trim' })} of ${formatCredits(cap, { decimals: 'trim' })} credits`}
          />
        </>
      )}
      <Typography variant="body2" color="text.secondary">
        This month started {periodDate(member.periodStart, timeZone)} ({timeZone}); allocations reset at midnight on the 1st.
      </Typography>
    </Box>
  );
}

function MembersTable({ members, timeZone }: { members: Member[]; timeZone: string }) {
  const active = members.filter((m) => !m.removedAt);
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        Members
      </Typography>
      <TableContainer tabIndex={0} role="region" aria-label={`Members and their allocations (${timeZone} months)`}>
        <Table size="small" data-testid="team-members">
          <TableHead>
            <TableRow>
              <TableCell>Member</TableCell>
              <TableCell align="right">Allocation</TableCell>
              <TableCell align="right">Spent this month</TableCell>
              <TableCell align="right">Remaining</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {active.map((m) => (
              <TableRow key={m.accountId}>
                <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 140 }}>
                  {m.email ?? m.accountId}
                  {m.role === 'OWNER' && (
                    <Typography component="span" variant="body2" color="text.secondary">
                      {' '}
                      (owner)
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {m.monthlyAllocationMillicredits === null
                    ? 'No cap'
                    : formatCredits(m.monthlyAllocationMillicredits, { decimals: 'trim' })}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatCredits(m.spentThisPeriodMillicredits, { decimals: 'trim' })}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {m.remainingThisPeriodMillicredits === null
                    ? '—'
                    : formatCredits(m.remainingThisPeriodMillicredits, { decimals: 'trim' })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
