/**
 * Polls `check` until it returns something truthy and returns that, or fails after `timeoutMs`.
 * For effects that land after the response with no event to wait on (a job's tick, a stream that
 * settles after the client left, lastUsedAt): the test asserts the state, not a delay.
 */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  { timeoutMs = 5000, intervalMs = 25, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
