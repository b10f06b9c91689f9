import { Kind, visit, type DocumentNode } from 'graphql';
import { isUnstorable as isBadText } from '../shared/storable-text.js';

/** Deeper than any input type nests: refused rather than walked (a 1 MB body could nest 500,000 deep). */
const MAX_DEPTH = 32;

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
