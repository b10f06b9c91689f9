import http from 'node:http';

/**
 * An open-loop load at an even pace: one request every 1/rate s for `seconds`, whatever the
 * answers do, on up to `maxSockets` keep-alive connections. (autocannon's rate limit lets each
 * connection send its share in a burst at the start of every second, so "500/s offered" arrives
 * as 500 at once; and a closed loop offers less as answers slow down.) Each latency counts from the
 * moment its request was due, so a server that falls behind shows it.
 */
export interface PacedOptions {
  url: string;
  path: string;
  rate: number;
  seconds: number;
  body: string;
  key: () => string;
  maxSockets?: number;
}

export interface PacedResult {
  sent: number;
  ok: number;
  /** 503: shed by admission control. */
  refused: number;
  otherStatus: number;
  errors: number;
  /** 2xx answers per second, from the first request sent to the last 2xx answer. */
  servedPerSecond: number;
  /** ms from due to the whole answer read, 2xx only, sorted. */
  latencies: number[];
  /** ms from due to the answer's headers (a stream's first byte), 2xx only, sorted. */
  firstByte: number[];
  /** `x-creditmeter-overhead-ms` of the 2xx answers, sorted. */
  overheads: number[];
  /** `server-timing` of the 2xx answers. */
  timings: string[];
}

export async function pacedLoad(opts: PacedOptions): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 256 });
  const target = new URL(opts.path, opts.url);
  const total = Math.round(opts.rate * opts.seconds);
  const out: PacedResult = {
    sent: 0,
    ok: 0,
    refused: 0,
    otherStatus: 0,
    errors: 0,
    servedPerSecond: 0,
    latencies: [],
    firstByte: [],
    overheads: [],
    timings: [],
  };
  const started = performance.now();
  let lastOk = started;
  let pending = 0;
  let allSent: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allSent = resolve));
  let closed = false;
  const finished = () => {
    if (closed) return;
    pending -= 1;
    if (pending === 0 && out.sent === total) allSent();
  };

  const fire = (due: number) => {
    out.sent += 1;
    pending += 1;
    const req = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${opts.key()}`,
          'content-length': Buffer.byteLength(opts.body),
        },
      },
      (res) => {
        const headersAt = performance.now();
        res.resume();
        res.on('end', () => {
          if (closed) return;
          const now = performance.now();
          if (res.statusCode === 200) {
            out.ok += 1;
            lastOk = now;
            out.latencies.push(now - due);
            out.firstByte.push(headersAt - due);
            const overhead = res.headers['x-creditmeter-overhead-ms'];
            if (overhead !== undefined) out.overheads.push(Number(overhead));
            const timing = res.headers['server-timing'];
            if (typeof timing === 'string') out.timings.push(timing);
          } else if (res.statusCode === 503) out.refused += 1;
          else out.otherStatus += 1;
          finished();
        });
        res.on('error', () => {
          if (!closed) out.errors += 1;
          finished();
        });
      },
    );
    req.on('error', () => {
      if (!closed) out.errors += 1;
      finished();
    });
    req.end(opts.body);
  };

  const interval = 1000 / opts.rate;
  const timer = setInterval(() => {
    const now = performance.now();
    while (out.sent < total && started + out.sent * interval <= now) fire(started + out.sent * interval);
    if (out.sent === total) {
      clearInterval(timer);
      if (pending === 0) allSent();
    }
  }, 1);
  // Answers still missing 30 s after the last request count as errors (the server is stuck).
  await Promise.race([
    done,
    new Promise<void>((resolve) =>
      setTimeout(
        () => {
          out.errors += pending;
          closed = true;
          resolve();
        },
        opts.seconds * 1000 + 30_000,
      ),
    ),
  ]);
  clearInterval(timer);
  agent.destroy();
  out.servedPerSecond = out.ok / Math.max(opts.seconds, (lastOk - started) / 1000);
  for (const list of [out.latencies, out.firstByte, out.overheads]) list.sort((a, b) => a - b);
  return out;
}
