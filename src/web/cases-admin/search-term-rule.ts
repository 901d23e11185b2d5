/** The search dictionary's rule for a word, as the server has it (SearchTermBody: 2–40 characters, no white space). */
export const SEARCH_TERM_MIN = 2;
export const SEARCH_TERM_MAX = 40;

/** Why a word would be refused, or null. Characters are counted as the server counts them, by code point. */
export function searchTermProblem(word: string): 'required' | 'spaces' | 'length' | null {
  const w = word.trim();
  if (!w) return 'required';
  if (/\s/u.test(w)) return 'spaces';
  const n = [...w].length;
  return n < SEARCH_TERM_MIN || n > SEARCH_TERM_MAX ? 'length' : null;
}
