import { api } from '../api';
import { pageLocally, type ResourceSpec } from '../dataProvider';
import type { WebhookEndpointRow } from '../../shared/webhooks/EndpointsPanel';
import { WebhookEndpointQuery, WebhookEndpointsQuery } from '../../shared/webhooks/operations';
import { endpointStatus } from '../../shared/webhooks/rules';

export type Endpoint = WebhookEndpointRow & { status: string };

const withStatus = (e: WebhookEndpointRow): Endpoint => ({ ...e, status: endpointStatus(e) });
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * Endpoints as the server keeps them: the operator's (every account's events) or one account's.
 * The list shows the operator's unless filtered by an account id; it is small, so it is sorted,
 * filtered and paged here.
 */
export const webhookEndpointsResource: ResourceSpec<Endpoint> = {
  list: async (req) => {
    const accountId = text(req.filter.accountId);
    const { webhookEndpoints } = await api.request(WebhookEndpointsQuery, { accountId, allAccounts: !accountId });
    const q = text(req.filter.q)?.toLowerCase();
    const status = text(req.filter.status);
    return pageLocally(
      webhookEndpoints.map(withStatus),
      req.sort.field === 'id' ? { ...req, sort: { field: 'createdAt', order: 'DESC' } } : req,
      (e) => (!q || e.url.toLowerCase().includes(q) || (e.description ?? '').toLowerCase().includes(q)) && (!status || e.status === status),
    );
  },
  one: async (id) => withStatus((await api.request(WebhookEndpointQuery, { id: String(id) })).webhookEndpoint),
};
