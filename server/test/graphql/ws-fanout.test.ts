import 'reflect-metadata';
import { parse, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Context } from '../../src/graphql/context.js';
import { createSchema } from '../../src/graphql/schema.js';
import { balanceFanOut } from '../../src/graphql/ws-fanout.js';
import { createEventBus, type EventBus } from '../../src/shared/events/bus.js';
import { BalanceWatchService } from '../../src/ledger/balance-watch.service.js';
import type { BalanceSnapshot } from '../../src/ledger/ledger.types.js';
import { eventually } from '../support/eventually.js';

/**
 * The fan-out on its own, with sockets whose send buffer the test sets: what a slow client gets
 * (the newest balance once it drains, never a backlog) and what a closed one gets (nothing).
 */
const QUERY = 'subscription { balanceUpdated { balanceMillicredits } }';
const ACCOUNT = '00000000-0000-4000-8000-000000000001';
const LIMIT = 1_000;

class FakeSocket {
  readyState: WebSocket['readyState'] = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  send(data: string) {
    this.sent.push(data);
  }
  balances = () => this.sent.map((m) => (JSON.parse(m) as any).payload.data.balanceUpdated.balanceMillicredits as string);
}

let schema: GraphQLSchema;
let events: EventBus;
let watch: BalanceWatchService;
let clock = Date.parse('2026-01-01T00:00:00Z');
const snapshot = (posted: bigint): BalanceSnapshot => ({ accountId: ACCOUNT, posted, pending: 0n, updatedAt: new Date((clock += 1000)) });

beforeAll(async () => {
  schema = await createSchema({ publicAppUrl: 'https://app.example.test' });
  events = createEventBus();
  watch = new BalanceWatchService(events, async () => snapshot(1_000n));
});
afterAll(async () => events?.close());

function fanOut() {
  const fan = balanceFanOut({ mask: (errors) => errors.map((e) => e.toJSON()), maxBufferedBytes: LIMIT });
  const context = {
    principal: { keyId: 'k', accountId: ACCOUNT, role: 'USER' },
    services: { balanceWatch: watch, teams: { actingAccount: async () => ACCOUNT } },
    returnTo: null,
  } as unknown as Context;
  /** As graphql-ws does: subscribe, onOperation, then iterate (which registers the socket). */
  const join = async (socket: FakeSocket, id: string) => {
    const args: ExecutionArgs = { schema, document: parse(QUERY), contextValue: context };
    const membership = fan.onOperation({ extra: { socket } }, id, { query: QUERY }, args, await fan.subscribe(args))!;
    const ended = membership.next();
    return { leave: () => membership.return!(), ended };
  };
  return { join };
}

/** Two sockets on the account's feed, each with the current balance received. */
async function twoMembers(first: string, second: string) {
  const { join } = fanOut();
  const sockets = [new FakeSocket(), new FakeSocket()] as const;
  const members = [await join(sockets[0], first), await join(sockets[1], second)] as const;
  await eventually(async () => sockets.every((s) => s.sent.length === 1), { what: 'the current balance' });
  return { sockets, members };
}

describe('balance fan-out', () => {
  it('holds back a socket over its send-buffer limit, then gives it the newest balance, never the ones it missed', async () => {
    const {
      sockets: [quick, slow],
      members: [a, b],
    } = await twoMembers('q', 's');
    expect(JSON.parse(slow.sent[0])).toEqual({
      id: 's',
      type: 'next',
      payload: { data: { balanceUpdated: { balanceMillicredits: '1000' } } },
    });

    slow.bufferedAmount = LIMIT + 1;
    events.publish('balance', snapshot(900n));
    await eventually(async () => quick.sent.length === 2, { what: 'the first change' });
    events.publish('balance', snapshot(800n));
    await eventually(async () => quick.sent.length === 3, { what: 'the second change' });
    expect(quick.balances()).toEqual(['1000', '900', '800']);
    expect(slow.balances()).toEqual(['1000']);

    slow.bufferedAmount = 0;
    await eventually(async () => slow.sent.length === 2, { what: 'the drained socket catching up' });
    expect(slow.balances()).toEqual(['1000', '800']);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('never writes to a socket that is no longer open, and lets the feed go with its last member', async () => {
    const {
      sockets: [open, closing],
      members: [a, b],
    } = await twoMembers('1', '2');
    closing.readyState = WebSocket.CLOSING;
    events.publish('balance', snapshot(700n));
    await eventually(async () => open.sent.length === 2, { what: 'the change' });
    expect(closing.sent).toHaveLength(1);

    await b.leave();
    expect(await b.ended).toEqual({ done: true, value: undefined });
    expect(watch.watching(ACCOUNT)).toBe(true);
    await a.leave();
    expect(watch.watching(ACCOUNT)).toBe(false);
  });
});
