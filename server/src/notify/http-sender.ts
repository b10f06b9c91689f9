import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedDestination } from './destination.js';

export interface SendResult {
  /** HTTP status, or null when no response came (refused, timed out, TLS error). */
  status: number | null;
  error: string | null;
  durationMs: number;
  /** The start of the response body, for the delivery log. */
  excerpt: string | null;
}

export type WebhookSender = (target: CheckedDestination, body: string, headers: Record<string, string>) => Promise<SendResult>;

const EXCERPT_BYTES = 1024;

/**
 * POSTs to the checked address only (the lookup is pinned), follows no redirects, reads at most
 * 1 KiB of the answer and gives up after `timeoutMs`. Never throws.
 */
export function createHttpSender(timeoutMs = 10_000): WebhookSender {
  return (target, body, headers) =>
    new Promise((resolve) => {
      const started = performance.now();
      const done = (r: Omit<SendResult, 'durationMs'>) => resolve({ ...r, durationMs: Math.round(performance.now() - started) });
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
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'creditmeter-webhooks/1',
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size < EXCERPT_BYTES) chunks.push(chunk);
            size += chunk.length;
            if (size >= EXCERPT_BYTES) res.destroy();
          });
          const finish = () =>
            done({
              status: res.statusCode ?? null,
              error: null,
              excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8') || null,
            });
          res.once('end', finish);
          res.once('close', finish);
        },
      );
      req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.once('error', (err) => done({ status: null, error: err.message.slice(0, 300), excerpt: null }));
      req.end(body);
    });
}
