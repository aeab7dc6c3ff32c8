import type { Sentence, Token } from '../../model/index.js';
import type { EventLexicon, TriggerForm } from './event-lexicon.js';

/** A trigger found in a sentence: tokens [from, to) of the document. */
export interface TriggerMatch {
  readonly from: number;
  readonly to: number;
  readonly form: TriggerForm;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'any', 'no', "'s"]);

/** A verb form right after these is a noun or a gerund: "12 days of battles", "amid attacks". */
const NOMINAL_PREPOSITIONS = new Set(['of', 'following', 'during', 'amid', 'despite', 'after', 'before', 'against']);

/** A nationality adjective before a plural ("Russian attacks", "Israeli strikes") makes the plural a noun. */
const DEMONYM = /^\p{Lu}\p{L}*(?:an|ese|ish|i)$/u;

/**
 * Extractor: the longest lexicon phrase starting at each token, left to right,
 * without overlaps. A capitalised word inside a sentence is part of a name
 * ("Separate Assault Regiment", "March 5"), not a trigger. A verb form after a
 * determiner, a number or a nationality is read as a noun ("the attack",
 * "100 Russian attacks"): it still names the event, but cannot head the
 * clause; a verb with no event noun ("a sign") is then no trigger. Photo
 * captions describe a picture, not an event: they have no triggers.
 */
export function findTriggers(tokens: readonly Token[], sentence: Sentence, lexicon: EventLexicon): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  const [first, last] = sentence.tokens;
  if (sentence.caption) return out;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const candidates = lexicon.triggers.get(t.norm);
    if (!candidates) continue;
    if (i > first && /^\p{Lu}/u.test(t.text) && t.text !== t.text.toUpperCase()) continue;
    const form = candidates.find((c) => c.tokens.every((w, k) => i + k < last && tokens[i + k]!.norm === w));
    if (!form) continue;
    const prev = i > first ? tokens[i - 1]! : null;
    const afterPreposition = prev !== null && NOMINAL_PREPOSITIONS.has(prev.norm);
    const nominal = prev !== null && (DETERMINERS.has(prev.norm) || afterPreposition || prev.kind === 'number' || (DEMONYM.test(prev.text) && t.norm.endsWith('s')));
    // "a sign" is no event; "of negotiating" (a gerund) still is.
    if (nominal && form.verb && !form.nominal && !(afterPreposition && t.norm.endsWith('ing'))) continue;
    out.push({ from: i, to: i + form.tokens.length, form: nominal && form.verb ? { ...form, verb: false } : form });
    i += form.tokens.length - 1;
  }
  return out;
}
