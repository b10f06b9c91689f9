import { registerDecorator, validate, type ValidationArguments, type ValidationError } from 'class-validator';
import { badInput, type DomainError } from './errors.js';
import { isUnstorable } from './storable-text.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** Two ids name the same thing: UUIDs compare case-insensitively. The one way ids are compared. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

export const MAX_TOKENS_PER_CALL = 100_000_000;

/** What is wrong with `value` as an id, or null. */
export const idProblem = (value: unknown, field: string) =>
  typeof value === 'string' && UUID.test(value) ? null : `${field} must be a UUID`;

export interface TextRule {
  /** Longest accepted length, after trimming. */
  max: number;
  /** Blank (after trimming) is refused; otherwise it reads as null. */
  required?: boolean;
}

/** What is wrong with `value` as text (PostgreSQL text cannot hold NUL or a lone surrogate), or null. */
export function textProblem(value: unknown, field: string, rule: TextRule): string | null {
  if (typeof value !== 'string') return `${field} must be a string`;
  const text = value.trim();
  if (!text && rule.required) return `${field} must not be empty`;
  if (text.length > rule.max) return `${field} is longer than ${rule.max} characters`;
  if (isUnstorable(text)) return `${field} must not contain a NUL character`;
  return null;
}

/** Text as it is stored: trimmed, and blank optional text is no text. */
export const storedText = (value: string): string | null => value.trim() || null;

export const tokenProblem = (value: unknown, field: string) =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_TOKENS_PER_CALL
    ? null
    : `${field} must be a whole number between 0 and ${MAX_TOKENS_PER_CALL}`;

/**
 * A class-validator rule on one input field. type-graphql has no transform step (and
 * class-transformer is not installed), so a rule that passes writes the normalised value back:
 * services receive ids in lower case and text trimmed, as the hand parsers used to return them.
 */
function rule(
  name: string,
  problem: (value: unknown, field: string) => string | null,
  normalise?: (value: never) => unknown,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => problem(args.value, args.property) ?? `${args.property} is invalid` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (problem(value, args.property)) return false;
          if (normalise) (args.object as Record<string, unknown>)[args.property] = normalise(value as never);
          return true;
        },
      },
    });
}

/** A UUID, handed on in lower case. */
export const IsId = () => rule('isId', idProblem, (value: string) => value.toLowerCase());

/** Trimmed, non-empty, at most `max` characters, storable. */
export const RequiredText = (max = 500) =>
  rule(
    'requiredText',
    (v, f) => textProblem(v, f, { max, required: true }),
    (value: string) => value.trim(),
  );

/** Trimmed (blank becomes null), at most `max` characters, storable. */
export const OptionalText = (max = 500) => rule('optionalText', (v, f) => textProblem(v, f, { max }), storedText);

/** A token count of one call: a whole number from 0 to MAX_TOKENS_PER_CALL. */
export const TokenCount = () => rule('tokenCount', tokenProblem);

/** The first broken rule, depth first (an input inside an input or a list names its own field). */
function firstBroken(errors: readonly ValidationError[]): { field: string; message: string } | null {
  for (const error of errors) {
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field: error.property, message };
    const nested = firstBroken(error.children ?? []);
    if (nested) return nested;
  }
  return null;
}

/** class-validator's refusal as the API's one bad-input error: BAD_USER_INPUT naming the field. */
export function validationRefusal(errors: readonly ValidationError[]): DomainError {
  const broken = firstBroken(errors);
  return broken ? badInput(broken.message, { field: broken.field }) : badInput('Invalid input');
}

/**
 * The one check at an edge that is not GraphQL (HTTP routes, jobs): `values` as an instance of
 * the input class, held to the same class-validator rules (and normalised the same way).
 */
export async function checked<T extends object>(inputClass: new () => T, values: Partial<T>): Promise<T> {
  const input = Object.assign(new inputClass(), values);
  const errors = await validate(input, { skipMissingProperties: true, forbidUnknownValues: false });
  if (errors.length) throw validationRefusal(errors);
  return input;
}

/** For callers outside GraphQL: throws BAD_USER_INPUT naming the field when `problem` found one. */
export function refuse(problem: string | null, field: string): void {
  if (problem) throw badInput(problem, { field });
}

/** Ids are UUIDs; anything else is refused before it reaches the database. */
export function parseId(value: string, field = 'id'): string {
  refuse(idProblem(value, field), field);
  return value.toLowerCase();
}

/** A required, trimmed, length-limited string. */
export function requiredText(value: string | null | undefined, field: string, max = 500): string {
  refuse(textProblem(value ?? '', field, { max, required: true }), field);
  return (value as string).trim();
}

export function optionalText(value: string | null | undefined, field: string, max = 500): string | null {
  if (value === null || value === undefined) return null;
  refuse(textProblem(value, field, { max }), field);
  return storedText(value);
}

export function tokenCount(value: number | null | undefined, field: string): bigint {
  refuse(tokenProblem(value ?? 0, field), field);
  return BigInt(value ?? 0);
}
