import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: a session or portal token is only ever stored as its sha256. */
export const newToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Tokens we issue are 43 base64url characters; anything else is not worth a database lookup. */
export const looksLikeToken = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
