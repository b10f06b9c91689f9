import type { AccountOrderBy, AccountQuery as AccountData, AccountsQuery as AccountsData } from '../../shared/gql/graphql';
import { api } from '../api';
import { fromConnection, type ResourceSpec } from '../dataProvider';
import { AccountQuery, AccountsQuery, CreateAccountMutation } from './operations';

export type AccountRow = AccountsData['accounts']['edges'][number]['node'];
export type AccountDetail = NonNullable<AccountData['account']>;

const ORDER: Record<string, AccountOrderBy> = { createdAt: 'CREATED_AT', email: 'EMAIL', name: 'NAME', balance: 'BALANCE', 'balance.balanceMillicredits': 'BALANCE', 'balance.availableMillicredits': 'BALANCE' };

export const accountsResource: ResourceSpec<AccountRow | AccountDetail> = {
  list: async (req) => {
    const search = typeof req.filter.q === 'string' && req.filter.q.trim() ? req.filter.q.trim() : null;
    const { accounts } = await api.request(AccountsQuery, {
      search,
      orderBy: ORDER[req.sort.field] ?? 'CREATED_AT',
      direction: req.sort.order,
      first: req.perPage,
      offset: req.offset,
    });
    return fromConnection(accounts);
  },
  one: async (id) => {
    const { account } = await api.request(AccountQuery, { id: String(id) });
    if (!account) throw new Error(`Account ${id} not found`);
    return account;
  },
  create: async (data) => {
    const { createAccount } = await api.request(CreateAccountMutation, { input: { email: String(data.email ?? '').trim(), name: data.name ? String(data.name).trim() : null } });
    return createAccount;
  },
};
