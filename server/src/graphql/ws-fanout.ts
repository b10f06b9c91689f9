import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import { Repeater } from '@repeaterjs/repeater';
import { WebSocket } from 'ws';
import { BalanceWatch, type BalanceFeed } from '../ledger/balance-watch.service.js';
import type { BalanceSnapshot } from '../ledger/ledger.types.js';
import { counters } from '../metrics/metrics.js';
import { swallowed } from '../shared/errors.js';
import type { maskErrors } from './errors.js';

/**
 * A socket whose unsent bytes exceed this gets no new balance message until it drains; it then
 * gets the newest balance (an older one is worth nothing once a newer exists), never a backlog.
 */
export const FANOUT_MAX_BUFFERED_BYTES = 256 * 1024;
/** How often sockets held back by the limit are offered the newest balance again. */
const CATCH_UP_MS = 250;

/** What the fan-out writes to: a `ws` WebSocket. */
type Socket = Pick<WebSocket, 'send' | 'readyState' | 'bufferedAmount'>;

interface Member {
  group: Group;
  socket: Socket;
  /** `{"id":<id>,"type":"next","payload":` — graphql-ws's own message, with the shared payload spliced in. */
  envelope: string;
  behind: boolean;
}

/** The subscribers of one account with one subscription document (the common case: one per account). */
interface Group {
  key: string;
  feed: BalanceFeed;
  /** The first member's: the payload is executed with them (each member was authorised at its own subscribe). */
  args: ExecutionArgs;
  members: Set<Member>;
  /** The serialised payload of `renderedFor`, written to every member. */
  json: string | null;
  renderedFor: BalanceSnapshot | null;
  rendering: boolean;
  /** The newest balance that arrived while one was rendering (older ones in between are dropped). */
  next: BalanceSnapshot | null;
  stopListening: () => void;
}

/** Writes to members, holding back a socket over the buffer limit until it drains. */
function memberWriter(maxBuffered: number) {
  const behind = new Set<Member>();
  let catchUp: NodeJS.Timeout | null = null;

  const write = (member: Member, json: string) => {
    const { socket } = member;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > maxBuffered) {
      if (!member.behind) counters.fanoutHeldBack.inc();
      member.behind = true;
      behind.add(member);
      catchUp ??= setInterval(offerNewest, CATCH_UP_MS).unref();
      return;
    }
    member.behind = false;
    behind.delete(member);
    socket.send(`${member.envelope}${json}}`);
  };

  function offerNewest() {
    for (const member of behind) if (member.group.json) write(member, member.group.json);
    if (!behind.size && catchUp) {
      clearInterval(catchUp);
      catchUp = null;
    }
  }

  return { write, forget: (member: Member) => behind.delete(member) };
}

type Writer = ReturnType<typeof memberWriter>;

/** One rendering at a time per group, so members get balances in order; meanwhile only the newest waits. */
function groupPublisher(mask: ReturnType<typeof maskErrors>, writer: Writer) {
  const render = async (group: Group, snapshot: BalanceSnapshot): Promise<string> => {
    const result = (await execute({ ...group.args, rootValue: snapshot })) as ExecutionResult;
    counters.fanoutRenders.inc();
    // The same mask graphql-ws's onNext applies to a result with errors.
    return JSON.stringify(result.errors ? { ...result, errors: mask(result.errors as GraphQLError[]) } : result);
  };

  return async (group: Group, snapshot: BalanceSnapshot) => {
    if (group.rendering) {
      group.next = snapshot;
      return;
    }
    group.rendering = true;
    try {
      for (let due: BalanceSnapshot | null = snapshot; due; due = group.next, group.next = null) {
        const json = await render(group, due);
        group.json = json;
        group.renderedFor = due;
        for (const member of group.members) writer.write(member, json);
      }
    } finally {
      group.rendering = false;
    }
  };
}

type Publish = ReturnType<typeof groupPublisher>;

/** The open groups of this instance: a member enters the group of its account and document, or opens it. */
function fanOutGroups(writer: Writer, publish: Publish) {
  const groups = new Map<string, Group>();
  const publishQuietly = (group: Group, snapshot: BalanceSnapshot) =>
    void publish(group, snapshot).catch((err) => swallowed(err, 'ws-fanout.publish'));

  const open = (key: string, watch: BalanceWatch, args: ExecutionArgs): Group => {
    const group: Group = {
      key,
      feed: watch.feed,
      args,
      members: new Set(),
      json: null,
      renderedFor: null,
      rendering: false,
      next: null,
      stopListening: () => undefined,
    };
    group.stopListening = watch.feed.onChange((snapshot) => publishQuietly(group, snapshot));
    groups.set(key, group);
    return group;
  };

  const enter = (watch: BalanceWatch, args: ExecutionArgs, socket: Socket, id: string, query: string): Member => {
    const key = `${watch.feed.accountId}\n${query}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
    const group = groups.get(key) ?? open(key, watch, args);
    const member: Member = { group, socket, envelope: `{"id":${JSON.stringify(id)},"type":"next","payload":`, behind: false };
    group.members.add(member);
    // The current balance first: already rendered, or on its way to every member (this one included).
    if (group.json && group.renderedFor === group.feed.latest) writer.write(member, group.json);
    else if (!group.rendering) publishQuietly(group, group.feed.latest);
    return member;
  };

  const leave = (member: Member) => {
    const { group } = member;
    group.members.delete(member);
    writer.forget(member);
    if (group.members.size === 0 && groups.get(group.key) === group) {
      groups.delete(group.key);
      group.stopListening();
    }
  };
  return { enter, leave };
}

type Groups = ReturnType<typeof fanOutGroups>;

/**
 * What graphql-ws iterates for a shared subscription: nothing (the group writes the messages);
 * its `return` (the client's `complete`, or the socket closing) leaves the group.
 */
function membership(groups: Groups, watch: BalanceWatch, args: ExecutionArgs, socket: Socket, id: string, query: string) {
  let member: Member | null = null;
  let left = false;
  let end: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const stop = async (): Promise<IteratorResult<ExecutionResult>> => {
    if (!left) {
      left = true;
      if (member) groups.leave(member);
      watch.close();
      end();
    }
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    // Called once graphql-ws has registered the subscription id: only then may messages carry it.
    next: async () => {
      if (!member && !left) member = groups.enter(watch, args, socket, id, query);
      await ended;
      return { done: true, value: undefined };
    },
    return: stop,
    throw: stop,
  };
  return iterator;
}

/**
 * `balanceUpdated` over graphql-ws, shared per account: each event is executed and serialised once
 * per (account, subscription document) on this instance, and the one JSON string is written to the
 * socket of every such subscription, wrapped in its own `next` envelope. The subscription is
 * authorised once, at subscribe, by graphql's `createSourceEventStream` (the field's
 * `@Authorized` action and its account scope); joining an open feed costs no query and, when its
 * payload is already rendered, no execution. Install both hooks on the graphql-ws server.
 */
export function balanceFanOut(opts: { mask: ReturnType<typeof maskErrors>; maxBufferedBytes?: number }) {
  const writer = memberWriter(opts.maxBufferedBytes ?? FANOUT_MAX_BUFFERED_BYTES);
  const groups = fanOutGroups(writer, groupPublisher(opts.mask, writer));
  return {
    /** graphql-ws `subscribe`: the source stream once; anything but a balance watch is executed per event, as graphql does. */
    subscribe: async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
      const source = await createSourceEventStream(args);
      // A balance watch is never iterated as such: onOperation, next, puts its membership in its place.
      if (source instanceof BalanceWatch) return source as unknown as AsyncIterable<ExecutionResult>;
      return Symbol.asyncIterator in source ? perEvent(source, args) : source;
    },
    /** graphql-ws `onOperation`: a balance watch joins its group, on this socket under this id. */
    onOperation: (
      ctx: { extra: { socket: Socket } },
      id: string,
      payload: { query: string },
      args: ExecutionArgs,
      result: unknown,
    ): AsyncIterableIterator<ExecutionResult> | undefined =>
      result instanceof BalanceWatch ? membership(groups, result, args, ctx.extra.socket, id, payload.query) : undefined,
  };
}

/** graphql's own mapping of a source stream: each event executed for this subscriber. */
function perEvent(source: AsyncIterable<unknown>, args: ExecutionArgs): AsyncIterable<ExecutionResult> {
  return new Repeater<ExecutionResult>(async (push, stop) => {
    const events = source[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true, value: undefined }) as const);
    for (;;) {
      const event = await Promise.race([events.next(), stopped]);
      if (event.done) break;
      await push(await execute({ ...args, rootValue: event.value }));
    }
    await events.return?.();
    stop();
  });
}
