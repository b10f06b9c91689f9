import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { initOrm, migrate } from '../server/src/db/orm.js';
import { ACCOUNTS, createDatabase } from './report-support.js';

export const FUNDS = 10n ** 13n;
export const TEAM_MEMBERS = 64;

/**
 * A migrated database with the bench rate card, ACCOUNTS spread accounts and three more (the hot
 * account, the proxy's one account, the streams' account), all funded with keys, and a funded team.
 */
export async function setupDatabase() {
  const { name, url } = await createDatabase('cm_bench');
  const orm = await initOrm(url, 4);
  await migrate(orm);
  await orm.close(true);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`
    with card as (insert into rate_cards (name) values ('bench') returning id),
    rates as (
      insert into model_rates (rate_card_id, model, input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k, cost_output_per1k)
      select id, m, 100, 50, 400, 50, 25, 200 from card, unnest(array['bench-model', 'gpt-4o-mini']) m
    )
    insert into rate_card_activations (rate_card_id) select id from card`);
  const run = randomBytes(3).toString('hex');
  // Accounts, their keys (stored hashed, as the service does) and their funds (through the engine's own movement function).
  await c.query(
    `insert into accounts (kind, email) select 'CUSTOMER', 'bench-' || g || '-' || $2 || '@bench.test' from generate_series(1, $1::int) g`,
    [ACCOUNTS + 3, run],
  );
  const accounts = (await c.query<{ id: string }>(`select id from accounts where kind = 'CUSTOMER' order by email`)).rows.map((r) => r.id);
  const keys = accounts.map((id) => `cm_bench_${id.replaceAll('-', '')}`);
  await c.query(
    `insert into api_keys (account_id, role, key_hash, key_prefix) select a, 'USER', h, 'cm_benc' from unnest($1::uuid[], $2::text[]) as x(a, h)`,
    [accounts, keys.map((k) => createHash('sha256').update(k, 'utf8').digest('hex'))],
  );
  await c.query(
    `select creditmeter_post(id, 'BONUS', $1::bigint, 'promotions', null, null, null, 'bench funds', null, null, false) from accounts where kind = 'CUSTOMER'`,
    [FUNDS.toString()],
  );
  // A hot team: TEAM_MEMBERS of the spread accounts, each with a key issued for the team and an
  // allocation the run never reaches (so every charge still checks it).
  const [team] = (await c.query<{ id: string }>(`insert into accounts (kind, name) values ('TEAM', 'bench team') returning id`)).rows;
  await c.query(`insert into teams (account_id) values ($1)`, [team.id]);
  const members = accounts.slice(0, TEAM_MEMBERS);
  await c.query(
    `insert into team_members (team_id, account_id, role, monthly_allocation) select $1, m, 'MEMBER', $3::bigint from unnest($2::uuid[]) m`,
    [team.id, members, (FUNDS / BigInt(TEAM_MEMBERS)).toString()],
  );
  const teamKeys = members.map((id) => `cm_benchteam_${id.replaceAll('-', '')}`);
  await c.query(
    `insert into api_keys (account_id, role, key_hash, key_prefix, team_id) select a, 'USER', h, 'cm_benc', $3 from unnest($1::uuid[], $2::text[]) as x(a, h)`,
    [members, teamKeys.map((k) => createHash('sha256').update(k, 'utf8').digest('hex')), team.id],
  );
  await c.query(`select creditmeter_post($1, 'BONUS', $2::bigint, 'promotions', null, null, null, 'bench funds', null, null, false)`, [
    team.id,
    FUNDS.toString(),
  ]);
  await c.query('vacuum analyze');
  return {
    name,
    url,
    client: c,
    spread: keys.slice(0, ACCOUNTS),
    spreadAccounts: accounts.slice(0, ACCOUNTS),
    hot: { id: accounts[ACCOUNTS], key: keys[ACCOUNTS] },
    proxyOne: { id: accounts[ACCOUNTS + 1], key: keys[ACCOUNTS + 1] },
    streams: { id: accounts[ACCOUNTS + 2], key: keys[ACCOUNTS + 2] },
    team: { id: team.id, keys: teamKeys },
  };
}

/** What the instant upstream reports for every call, so the bench can check each charge. */
export const UPSTREAM_USAGE = { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14, prompt_tokens_details: { cached_tokens: 0 } };

/**
 * An OpenAI-compatible upstream that answers at once (the proxy figures' "provider"): a completion,
 * or with `stream: true` the same reply as server-sent chunks ending with a usage chunk.
 */
export function instantUpstream(): Promise<{ url: string; close: () => void }> {
  const base = { id: 'chatcmpl-bench', created: 1_764_000_000, model: 'gpt-4o-mini' };
  const body = JSON.stringify({
    ...base,
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    usage: UPSTREAM_USAGE,
  });
  const chunk = (choices: unknown[], usage: unknown = null) =>
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, usage })}\n\n`;
  const stream = [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    chunk([{ index: 0, delta: { content: 'ok' }, finish_reason: null }]),
    chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
    chunk([], UPSTREAM_USAGE),
    'data: [DONE]\n\n',
  ].join('');
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      if (/"stream"\s*:\s*true/.test(text)) res.writeHead(200, { 'content-type': 'text/event-stream' }).end(stream);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`, close: () => server.close() }),
    ),
  );
}
