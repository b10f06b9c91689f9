import { Kind, visit, type DocumentNode } from 'graphql';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Deeper than any input type nests: refused rather than walked (a 1 MB body could nest 500,000 deep). */
const MAX_DEPTH = 32;

/**
 * Text PostgreSQL cannot store: a NUL, or half of a UTF-16 surrogate pair (not UTF-8 at all).
 * JSON may carry both ("\u0000", "\ud800"), so each must be refused before it reaches SQL.
 */
export const isBadText = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Whether any string (or object key) in variables is bad text, or they nest deeper than an input type can. */
export function variablesHaveBadText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isBadText(value);
  if (!value || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  return Object.entries(value as Record<string, unknown>).some(([key, v]) => isBadText(key) || variablesHaveBadText(v, depth + 1));
}

/** Whether a string literal in the document is bad text (the parser already refuses lone surrogate escapes). */
export function documentHasBadText(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (isBadText(node.value)) found = true;
    },
  });
  return found;
}
