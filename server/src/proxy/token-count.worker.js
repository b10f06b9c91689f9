// A piscina worker (plain JS so tests and the build load the same file): exact BPE token counts,
// which are super-linear on long runs without spaces and so never run on the main thread.
import { countTokens } from 'gpt-tokenizer';

/** @param {string[]} texts @returns {number} */
export default function countTexts(texts) {
  let n = 0;
  for (const text of texts) n += countTokens(text);
  return n;
}
