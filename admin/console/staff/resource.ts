import type { Role, StaffUsersQuery } from '../../shared/gql/graphql';
import { api } from '../api';
import { fromConnection, type ResourceSpec } from '../dataProvider';
import { CreateStaffUserMutation, StaffUserQuery, StaffUsersQuery as Query, UpdateStaffUserMutation } from './operations';

export type StaffUser = StaffUsersQuery['staffUsers']['edges'][number]['node'];

export const staffResource: ResourceSpec<StaffUser> = {
  list: async (req) => {
    const search = typeof req.filter.q === 'string' && req.filter.q.trim() ? req.filter.q.trim() : null;
    return fromConnection((await api.request(Query, { search, first: req.perPage, offset: req.offset })).staffUsers);
  },
  one: async (id) => (await api.request(StaffUserQuery, { id: String(id) })).staffUser,
  create: async (data) => {
    const d = data as Partial<StaffUser> & { password?: string };
    return (await api.request(CreateStaffUserMutation, { input: { email: String(d.email ?? '').trim(), name: d.name?.trim() || null, role: d.role as Role, password: d.password ?? '' } })).createStaffUser;
  },
  update: async (id, data, previous) => {
    const d = data as Partial<StaffUser> & { password?: string };
    const input = {
      id: String(id),
      ...(d.name !== previous.name ? { name: d.name?.trim() || null } : {}),
      ...(d.role !== previous.role ? { role: d.role as Role } : {}),
      ...(d.disabled !== previous.disabled ? { disabled: Boolean(d.disabled) } : {}),
      ...(d.password ? { password: d.password } : {}),
    };
    return (await api.request(UpdateStaffUserMutation, { input })).updateStaffUser;
  },
};
