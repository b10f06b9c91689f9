import type { ValidationError } from 'class-validator';
import { createParameterDecorator, ID, type ArgOptions } from 'type-graphql';
import { badInput, type DomainError } from '../shared/errors.js';
import { idProblem, refuse, storedText, textProblem, type TextRule } from '../shared/validate.js';

type PlainArgOptions = Pick<ArgOptions, 'nullable' | 'description'>;

/**
 * An argument that is not an input class, checked by `problem` and handed on as `normalise`
 * returns it (type-graphql validates only input classes with class-validator). Absent stays absent.
 */
function checkedArg(
  name: string,
  typeFunc: () => unknown,
  options: PlainArgOptions,
  problem: (value: unknown) => string | null,
  normalise: (value: never) => unknown,
) {
  const present = (value: unknown) => value !== null && value !== undefined;
  return createParameterDecorator(({ args }) => (present(args[name]) ? normalise(args[name] as never) : args[name]), {
    arg: {
      name,
      typeFunc: typeFunc as () => typeof ID,
      options: { ...options, validateFn: (value: unknown) => (present(value) ? refuse(problem(value), name) : undefined) },
    },
  });
}

/** An `ID` argument that names a row: a UUID, handed on in lower case. */
export const IdArg = (name: string, options: PlainArgOptions = {}) =>
  checkedArg(
    name,
    () => ID,
    options,
    (value) => idProblem(value, name),
    (value: string) => value.toLowerCase(),
  );

/** A `String` argument of free text: trimmed, storable, at most `rule.max` characters (blank: refused if required, else null). */
export const TextArg = (name: string, rule: TextRule, options: PlainArgOptions = {}) =>
  checkedArg(
    name,
    () => String,
    options,
    (value) => textProblem(value, name, rule),
    (value: string) => (rule.required ? value.trim() : storedText(value)),
  );

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

/** For input classes declared beside their resolver, which reach shared rules through graphql/. */
export { IsId } from '../shared/validate.js';
