import { createParameterDecorator, ID, type ArgOptions } from 'type-graphql';
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

/** For input classes declared beside their resolver, which reach shared rules through graphql/. */
export { IsId } from '../shared/validate.js';
