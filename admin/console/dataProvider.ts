import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { nodesOf } from '../shared/paging';

/** One resource of the console, written on the typed operations. Omitted parts are not offered. */
export interface ResourceSpec<R extends RaRecord = RaRecord> {
  // Method syntax on purpose: a spec of a concrete record type fits the registry of all specs.
  list?(params: ListRequest): Promise<{ data: R[]; total: number }>;
  one?(id: Identifier): Promise<R>;
  create?(data: Partial<R>): Promise<R>;
  update?(id: Identifier, data: Partial<R>, previous: R): Promise<R>;
}

/** What a list page asks for, in plain terms. */
export interface ListRequest {
  page: number;
  perPage: number;
  /** `offset` for connections paged by position (first = perPage). */
  offset: number;
  sort: { field: string; order: 'ASC' | 'DESC' };
  filter: Record<string, unknown>;
}

export function listRequest(params: GetListParams): ListRequest {
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  return {
    page,
    perPage,
    offset: (page - 1) * perPage,
    sort: { field: params.sort?.field ?? 'id', order: params.sort?.order === 'ASC' ? 'ASC' : 'DESC' },
    filter: params.filter ?? {},
  };
}

/** A connection (`edges { node }` + `totalCount`) as a react-admin list page. */
export function fromConnection<N extends RaRecord>(connection: { edges: Array<{ node: N }>; totalCount: number }) {
  return { data: nodesOf(connection), total: connection.totalCount };
}

/**
 * For queries that answer a whole array (rate cards, promo codes, runs): filter, sort and page in
 * the browser so the list behaves like the others.
 */
export function pageLocally<R extends RaRecord>(rows: R[], req: ListRequest, match?: (row: R, filter: Record<string, unknown>) => boolean) {
  const filtered = match ? rows.filter((r) => match(r, req.filter)) : rows;
  const { field, order } = req.sort;
  const sorted = [...filtered].sort((a, b) => {
    const x = a[field] as unknown;
    const y = b[field] as unknown;
    const cmp =
      x === y
        ? 0
        : x == null
          ? -1
          : y == null
            ? 1
            : typeof x === 'number' && typeof y === 'number'
              ? x - y
              : String(x).localeCompare(String(y), 'en', { numeric: true });
    return order === 'ASC' ? cmp : -cmp;
  });
  return { data: sorted.slice(req.offset, req.offset + req.perPage), total: filtered.length };
}

const unsupported = (resource: string, what: string) => Promise.reject(new Error(`${resource}: ${what} is not offered by the console`));

/** react-admin's DataProvider over the resource specs: list, one, many, create, update. */
export function createDataProvider(resources: Record<string, ResourceSpec>): DataProvider {
  const spec = (resource: string) => {
    const found = resources[resource];
    if (!found) throw new Error(`Unknown resource ${resource}`);
    return found;
  };
  return {
    async getList(resource, params) {
      const s = spec(resource);
      if (!s.list) return unsupported(resource, 'a list');
      return s.list(listRequest(params)) as never;
    },
    async getOne(resource, params) {
      const s = spec(resource);
      if (!s.one) return unsupported(resource, 'one record');
      return { data: (await s.one(params.id)) as never };
    },
    async getMany(resource, params) {
      const s = spec(resource);
      if (!s.one) return unsupported(resource, 'records by id');
      return { data: (await Promise.all(params.ids.map((id) => s.one!(id)))) as never };
    },
    async getManyReference(resource, params) {
      const s = spec(resource);
      if (!s.list) return unsupported(resource, 'a list');
      return s.list(listRequest({ ...params, filter: { ...params.filter, [params.target]: params.id } })) as never;
    },
    async create(resource, params) {
      const s = spec(resource);
      if (!s.create) return unsupported(resource, 'creating');
      return { data: (await s.create(params.data)) as never };
    },
    async update(resource, params) {
      const s = spec(resource);
      if (!s.update) return unsupported(resource, 'editing');
      return { data: (await s.update(params.id, params.data, params.previousData)) as never };
    },
    updateMany: (resource) => unsupported(resource, 'editing many'),
    delete: (resource) => unsupported(resource, 'deleting'),
    deleteMany: (resource) => unsupported(resource, 'deleting'),
  };
}
