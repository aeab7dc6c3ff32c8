import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemRu } from '@orama/stemmers/russian';
import { stemmer as stemUk } from '@orama/stemmers/ukrainian';

/**
 * What a person types in a search box, as a query both stores' search understands (FTS5's
 * syntax, which the PostgreSQL store translates to tsquery), whatever they type: no input is
 * ever read as syntax. Each whitespace-separated chunk is one term, all ANDed:
 * - a chunk of several words (`Russia's`, `U.S.`, `Donetsk-region`) is a quoted phrase;
 * - a single word matches itself or, where it has a stem of 4 letters or more, any word starting
 *   with its stem (`encirclement` -> `encircl*` finds "encircled"; `Покровська` -> `покровськ*`
 *   finds "Покровськ", "Покровську"): stemming by query expansion, so the stored indexes (FTS5
 *   unicode61, PostgreSQL `simple` + unaccent) need no stemmer of their own.
 * Chunks with no letter or digit are dropped; the answer is null when nothing is left.
 *
 * @example
 * literalSearch("Russia's encirclement") // => '"Russia s" AND ("encirclement" OR encircl*)'
 */
export function literalSearch(text: string): string | null {
  const terms: string[] = [];
  for (const chunk of text.normalize('NFC').split(/\s+/u)) {
    const words = chunk.match(/[\p{L}\p{N}\p{M}_]+/gu);
    if (!words) continue;
    if (words.length > 1) {
      terms.push(`"${words.join(' ')}"`);
      continue;
    }
    const word = words[0]!;
    const stem = stemOf(word);
    // A prefix term must be a bareword: letters and digits only, which the stem is.
    terms.push(stem !== null && stem.length >= 4 ? `("${word}" OR ${stem}*)` : `"${word}"`);
  }
  // Explicit AND: FTS5 reads no implicit AND after a parenthesised group ("(a OR b*) \"c\"" is a syntax error).
  return terms.length > 0 ? terms.join(' AND ') : null;
}

/** The stem of a word by its script: Ukrainian letters (і ї є ґ) take the Ukrainian stemmer, other Cyrillic the Russian, Latin the English; null otherwise. */
export function stemOf(word: string): string | null {
  const lower = word.toLowerCase();
  if (/^[a-z]+$/.test(lower)) return stemEn(lower);
  if (/^[\p{Script=Cyrillic}]+$/u.test(lower)) return /[іїєґ]/.test(lower) ? stemUk(lower) : stemRu(lower);
  return null;
}

/** Whether a text holds every term of a user's search (words or their stems, case-insensitive): for picking the claims a search found. */
export function matchesSearch(text: string, search: string): boolean {
  const hay = text.normalize('NFC').toLowerCase();
  return search.normalize('NFC').split(/\s+/u).every((chunk) => {
    const words = chunk.match(/[\p{L}\p{N}\p{M}_]+/gu);
    if (!words) return true;
    if (words.length > 1) return hay.includes(words.join(' ').toLowerCase()) || words.every((w) => hay.includes(w.toLowerCase()));
    const word = words[0]!.toLowerCase();
    const stem = stemOf(word);
    return hay.includes(word) || (stem !== null && stem.length >= 4 && hay.includes(stem));
  });
}
