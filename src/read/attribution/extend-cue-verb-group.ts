import type { Token } from '../../model/index.js';
import type { AttributionCandidate } from './attribution-candidate.js';

/**
 * Auxiliaries, negation and the adverbs of a verb group: part of the cue
 * ("has said", "did not deny", "also said", "later told"). PolNeAR's guidelines
 * (Newell et al. 2018, and the annotations of its train split: "has said" is
 * annotated whole in 136 of 152 places) take the cue to be the whole verb
 * group; for the product the negation matters most ("did not confirm").
 */
const VERB_GROUP_LEFT = new Set([
  'has', 'have', 'had', "'s", "'ve", "'d", "'ll", 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'can', 'could',
  'may', 'might', 'should', 'must', 'shall', 'do', 'does', 'did', 'not', "n't", 'never', 'also', 'later', 'then', 'again', 'still',
  'already', 'just', 'even', 'once', 'first', 'now', 'often', 'always', 'repeatedly', 'recently', 'previously', 'publicly', 'privately',
  'openly', 'flatly', 'explicitly', 'further', 'initially', 'subsequently', 'frequently', 'reportedly', 'too', 'since', 'cannot',
  "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wasn't", "weren't", "isn't", "aren't", "won't", "wouldn't",
  "couldn't", "can't", "shouldn't",
]);

/** Where a statement was made: "said in a statement", "wrote on Twitter", "told CNN in an interview". */
const MEDIA = new Set([
  'statement', 'statements', 'interview', 'interviews', 'email', 'e-mail', 'letter', 'post', 'posting', 'tweet', 'tweets', 'speech', 'release',
  'call', 'conference', 'briefing', 'op-ed', 'video', 'message', 'twitter', 'facebook', 'instagram', 'telegram', 'radio', 'television',
  'tv', 'show', 'program', 'programme', 'broadcast', 'appearance', 'memo', 'note', 'blog', 'column', 'editorial', 'address', 'podcast',
]);
const MEDIUM_PREPOSITIONS = new Set(['in', 'on', 'during', 'at', 'via', 'through']);
/** A time word straight after the verb, before the content ("said Tuesday that"): the annotators count it in the cue. */
const BARE_TIMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'recently', 'earlier',
  'later', 'then', 'previously', 'afterward', 'afterwards',
]);
const MAX_MEDIUM_PHRASE = 5;

/**
 * Refiner: widens each cue over its verb group — auxiliaries, negation and
 * adverbs just before it ("has also said", "did not say"; a language's
 * negating `particles`, "не сказал"), and after it a
 * bare time word ("said Tuesday") or a phrase naming the medium ("said in a
 * statement", "wrote on Twitter") — never into the source or the content,
 * and never across a sentence.
 */
export function extendCueVerbGroup(tokens: readonly Token[], candidates: readonly AttributionCandidate[], particles?: ReadonlySet<string>): AttributionCandidate[] {
  return candidates.map((c) => {
    if (c.entry.frame === 'according' || c.rule === 'colon') return c;
    const sentence = tokens[c.cue[0]]!.sentence;
    const free = (k: number): boolean => {
      const t = tokens[k];
      if (!t || t.sentence !== sentence) return false;
      if (c.source && k >= c.source[0] && k < c.source[1]) return false;
      return !(t.span[0] < c.content[1] && c.content[0] < t.span[1]);
    };
    let from = c.cue[0];
    while (from > 0 && free(from - 1) && (VERB_GROUP_LEFT.has(tokens[from - 1]!.norm) || particles?.has(tokens[from - 1]!.norm))) from--;
    // an auxiliary alone before a noun cue is not a verb group ("is the statement"): keep the widening to verbs
    if (c.entry.frame === 'noun') from = c.cue[0];
    const to = skipMediumTail(tokens, c.cue[1], tokens.length, free);
    return from === c.cue[0] && to === c.cue[1] ? c : { ...c, cue: [from, to] };
  });
}

/**
 * The index after a bare time word or a phrase naming the medium that follows
 * a cue at `from` ("said Tuesday", "said in a recent interview"), repeated;
 * `from` itself when none follows. `free` says which tokens may be taken.
 */
export function skipMediumTail(tokens: readonly Token[], from: number, end: number, free: (k: number) => boolean = () => true): number {
  const sentence = tokens[from - 1]?.sentence;
  const ok = (k: number): boolean => k < end && tokens[k]!.sentence === sentence && free(k);
  let to = from;
  for (let changed = true; changed;) {
    changed = false;
    if (ok(to) && BARE_TIMES.has(tokens[to]!.norm)) { to++; changed = true; continue; }
    if (ok(to) && MEDIUM_PREPOSITIONS.has(tokens[to]!.norm)) {
      for (let k = to + 1; k < to + 1 + MAX_MEDIUM_PHRASE && ok(k) && tokens[k]!.kind === 'word'; k++) {
        if (MEDIA.has(tokens[k]!.norm)) { to = k + 1; changed = true; break; }
      }
    }
  }
  return to;
}
