import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedDestination } from './destination.js';

export interface SendResult {
  /** HTTP status, or null when no response came (refused, timed out, TLS error). */
  status: number | null;
  /** Set when the attempt failed even if a status came (the answer did not complete in time). */
  error: string | null;
  durationMs: number;
  /** The start of the response body, for the delivery log. */
  excerpt: string | null;
}

/** A call's total deadline, counted from `startedAt` (performance.now()): the caller may have spent some of it already. */
export interface Deadline {
  totalMs: number;
  startedAt: number;
}

export type WebhookSender = (
  target: CheckedDestination,
  body: string,
  headers: Record<string, string>,
  deadline?: Deadline,
) => Promise<SendResult>;

/** Total time for one call, connect to the last byte read: not an idle timeout, which a drip defeats. */
export const DELIVERY_DEADLINE_MS = 10_000;
/** Bytes of the answer read at most; then the connection is closed. It is also the excerpt the log keeps. */
export const RESPONSE_READ_CAP_BYTES = 1024;

/**
 * POSTs to the checked address only (the lookup is pinned), follows no redirects, reads at most
 * `RESPONSE_READ_CAP_BYTES` of the answer and ends the call at the deadline whatever the peer
 * still sends: an answer whose body has not ended (or reached the cap) by then is a failure.
 * Never throws.
 */
export function createHttpSender(defaultDeadlineMs = DELIVERY_DEADLINE_MS): WebhookSender {
  return (target, body, headers, deadline = { totalMs: defaultDeadlineMs, startedAt: performance.now() }) =>
    new Promise((resolve) => {
      const started = performance.now();
      const left = Math.max(0, deadline.totalMs - (started - deadline.startedAt));
      let settled = false;
      const done = (r: Omit<SendResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...r, durationMs: Math.round(performance.now() - started) });
      };
      let status: number | null = null;
      const timer = setTimeout(() => {
        const error = `deadline: no complete answer within ${deadline.totalMs} ms`;
        done({ status, error, excerpt: null });
        req.destroy(new Error(error));
      }, left);
      const pinned: LookupFunction = (_host, options, callback) => {
        if ((options as { all?: boolean }).all)
          (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
            { address: target.address, family: target.family },
          ]);
        else callback(null, target.address, target.family);
      };
      const client = target.url.protocol === 'https:' ? https : http;
      const req = client.request(
        target.url,
        {
          method: 'POST',
          lookup: pinned,
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'creditmeter-webhooks/1',
            ...headers,
          },
        },
        (res) => {
          status = res.statusCode ?? null;
          const chunks: Buffer[] = [];
          let size = 0;
          const finish = () =>
            done({ status, error: null, excerpt: Buffer.concat(chunks).subarray(0, RESPONSE_READ_CAP_BYTES).toString('utf8') || null });
          res.on('data', (chunk: Buffer) => {
            chunks.push(chunk.subarray(0, RESPONSE_READ_CAP_BYTES - size));
            size += chunk.length;
            if (size < RESPONSE_READ_CAP_BYTES) return;
            finish(); // read cap: the rest is never read
            res.destroy();
          });
          res.once('end', finish);
          res.once('close', () => done({ status, error: res.complete ? null : 'the answer was cut off by the receiver', excerpt: null }));
        },
      );
      req.once('error', (err) => done({ status, error: err.message.slice(0, 300), excerpt: null }));
      req.end(body);
    });
}
