/** How a key is named on the Credits page: its label, else the start of its id. */
export const keyName = (apiKeyId: string | null, label?: string | null): string =>
  apiKeyId === null ? 'Credits page (no key)' : label || `Key ${apiKeyId.slice(0, 8)}`;

/** How a team member is named: their e-mail; null means the call was not a team charge. */
export const memberName = (memberAccountId: string | null, email?: string | null): string =>
  memberAccountId === null ? 'Not a team charge' : email || `Account ${memberAccountId.slice(0, 8)}`;

/** Total tokens in: uncached and cached input. */
export const tokensIn = (row: { inputTokens: number; cachedInputTokens: number }) => row.inputTokens + row.cachedInputTokens;
