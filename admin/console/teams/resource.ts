import type { TeamOrderBy, TeamQuery as TeamData, TeamsQuery as TeamsData } from '../../shared/gql/graphql';
import { api } from '../api';
import { fromConnection, type ResourceSpec } from '../dataProvider';
import { CreateTeamMutation, TeamQuery, TeamsQuery } from './operations';

export type TeamRow = TeamsData['teams']['edges'][number]['node'];
export type TeamDetail = NonNullable<TeamData['team']>;

const ORDER: Record<string, TeamOrderBy> = {
  createdAt: 'CREATED_AT',
  name: 'NAME',
  balance: 'BALANCE',
  memberCount: 'MEMBERS',
};

async function loadTeam(id: string): Promise<TeamDetail> {
  const { team } = await api.request(TeamQuery, { id });
  if (!team) throw new Error(`Team ${id} not found`);
  return team;
}

export const teamsResource: ResourceSpec<TeamRow | TeamDetail> = {
  list: async (req) => {
    const search = typeof req.filter.q === 'string' && req.filter.q.trim() ? req.filter.q.trim() : null;
    const { teams } = await api.request(TeamsQuery, {
      search,
      orderBy: ORDER[req.sort.field] ?? 'CREATED_AT',
      direction: req.sort.order,
      first: req.perPage,
      offset: req.offset,
    });
    return fromConnection(teams);
  },
  one: (id) => loadTeam(String(id)),
  create: async (data) => {
    const form = data as Partial<TeamDetail> & { ownerAccountId?: string };
    const owner = form.ownerAccountId?.trim() ?? '';
    const { createTeam } = await api.request(CreateTeamMutation, {
      input: {
        name: String(data.name ?? '').trim(),
        timeZone: String(data.timeZone ?? 'UTC').trim() || 'UTC',
        ownerAccountId: owner || null,
      },
    });
    // react-admin shows the new team from this record at once: the whole record, as `one` gives it.
    return loadTeam(createTeam.id);
  },
};
