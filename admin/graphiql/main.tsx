import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './contrast.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const url = new URL('/graphql', window.location.href).toString();
const subscriptionUrl = url.replace(/^http/, 'ws');

/**
 * The toolkit's fetcher: HTTP for queries and mutations, graphql-ws for subscriptions. It passes
 * the headers tab to graphql-ws as `connectionParams`; the server reads `authorization` there, so
 * header names are lower-cased first (HTTP does not care, connectionParams does).
 */
const inner = createGraphiQLFetcher({ url, subscriptionUrl });
const fetcher: Fetcher = (params, opts) => {
  const headers = Object.fromEntries(Object.entries(opts?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return inner(params, { ...opts, headers });
};

const defaultQuery = `# creditmeter GraphQL API.
# Signed in to the console? Requests carry your staff session cookie.
# Otherwise put an API key in the Headers tab: {"authorization": "Bearer cm_..."}

query Me {
  me {
    email
    balance { balanceMillicredits balanceCredits balanceUsd }
  }
  creditPacks { id name priceCents creditsMillicredits }
}

# subscription Balance { balanceUpdated { balanceMillicredits updatedAt } }
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);
