/** A PostgreSQL `bigint` (which `pg` hands over as a string) or null as a bigint; null reads as 0. */
export const toBigInt = (value: unknown): bigint => (value === null || value === undefined ? 0n : BigInt(value as string));

/** PostgreSQL error code of a failed statement, if any (23505 = unique violation). */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}
