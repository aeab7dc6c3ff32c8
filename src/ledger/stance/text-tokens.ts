/**
 * Word tokens for stance features: lower-cased letters and digits, with
 * apostrophes folded ("don't" → "dont") and a light suffix stemmer so that
 * "attacks", "attacked" and "attacking" meet. Pure and deterministic.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) out.push(m[0].replace(/['’]/g, ''));
  return out;
}

/**
 * A light stemmer (plural and verb endings only; Harman 1991's "S" stemmer plus
 * -ed/-ing): recall matters more than linguistic accuracy for overlap features.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Capitalised words that do not start a sentence, and numbers: names and figures shared by both texts. */
export function namesAndNumbers(text: string): { names: Set<string>; numbers: Set<string> } {
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (const m of text.matchAll(/(^|[^.!?\s]\s+)(\p{Lu}[\p{L}]+)/gu)) names.add(m[2]!.toLowerCase());
  for (const m of text.matchAll(/\d[\d,.]*/g)) numbers.add(m[0].replace(/[,.]$/, '').replace(/,/g, ''));
  return { names, numbers };
}

/** Splits a body into rough sentences (for "the best-matching sentence" features). */
export function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 0);
}
