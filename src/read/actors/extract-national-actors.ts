import type { EntityKind, Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';
import { aliasAt, sideOfWord } from './side-words.js';

/** Words that make an outlet its state's voice ("Russian state TV", "the official Syrian news agency"). */
const STATE_OWNED = new Set(['state', 'state-run', 'state-owned', 'state-controlled', 'official', 'government', 'government-run']);

/**
 * Actors not in the dictionary whose side the text states through a country:
 * "Russian forces", "Ukraine's 425th Separate Assault Regiment", "a Russian
 * military blogger", "Israeli officials", "Ukrainian public broadcaster
 * Suspilne" (an outlet: media). A demonym or a possessive country name, up to
 * three modifiers, then a head noun of the nouns lexicon; the phrase ends at a
 * determiner, pronoun, preposition or reporting verb (`phraseBreaks`), so
 * "Ukraine's General Staff said its forces" is not one actor.
 */
export function extractNationalActors(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    let side: string | undefined;
    let j = i + 1;
    if (isCapitalized(t) && lexicon.demonyms.has(t.norm)) side = lexicon.demonyms.get(t.norm);
    else if (isCapitalized(t) && lexicon.countries.has(t.norm)) {
      // "Ukraine's 47th brigade"; a country used as a modifier too ("US officials", "Sudan state television")
      side = lexicon.countries.get(t.norm);
      if (tokens[i + 1]?.norm === "'s") j = i + 2;
    } else if (t.norm.includes('-')) side = sideOfWord(t.norm, lexicon) ?? undefined; // "pro-Russian", "Hamas-run"
    if (!side) continue;
    // an owner or alignment word makes an outlet its owner's ("Houthi-controlled Saba news agency", "pro-Kremlin media")
    const owned = t.norm.includes('-') && !lexicon.demonyms.has(t.norm) && !lexicon.countries.has(t.norm);
    // start at a determiner before it ("a Russian military blogger", "the Ukrainian army")
    let start = i;
    const before = tokens[i - 1];
    if (before && before.sentence === sentence.index && ['a', 'an', 'the', 'one', 'two', 'several', 'some', 'many'].includes(before.norm)) start = i - 1;
    // a country's bare name is a modifier only before nouns ("US officials", "Sudan state television"): a verb after it
    // is its predicate ("Ukraine withdrew troops"), so only title and head words may stand between
    const bareCountry = j === i + 1 && !lexicon.demonyms.has(t.norm) && lexicon.countries.has(t.norm);
    const found = findHead(tokens, j, Math.min(to, j + 5), lexicon, bareCountry);
    if (!found) continue;
    const [end, kind] = found;
    let last = end;
    // an outlet named after its description: "public broadcaster Suspilne"
    if (kind === 'media') while (last < to && isCapitalized(tokens[last])) last++;
    const nameFrom = kind === 'media' && last > end ? end : start;
    out.push({
      from: nameFrom, to: last, kind, side: kind === 'media' ? (owned ? side : mediaSide(tokens, start, last, side, lexicon)) : side,
      name: tokensText(text, tokens, nameFrom, last), key: null,
      role: kind === 'media' && last > end ? tokensText(text, tokens, i, end) : null, resolution: 'rule', rule: `national-${kind}`,
    });
    i = last - 1;
  }
  return out;
}

/** The end (exclusive) of the longest head found after up to three modifiers, and its kind. */
function findHead(tokens: readonly Token[], from: number, to: number, lexicon: ActorLexicon, nounsOnly = false): [number, EntityKind] | null {
  let best: [number, EntityKind] | null = null;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' || t.kind === 'quote' || lexicon.phraseBreaks.has(t.norm)) break;
    if (nounsOnly && t.kind === 'word' && !isCapitalized(t) && !lexicon.titles.has(t.norm) && !isHeadWord(t.norm, lexicon)) break;
    const one = t.norm;
    const two = k + 1 < to ? `${one} ${tokens[k + 1]!.norm}` : '';
    for (const [phrase, len] of [[two, 2], [one, 1]] as const) {
      if (!phrase) continue;
      const kind: EntityKind | null = lexicon.mediaHeads.has(phrase) ? 'media'
        : lexicon.unitHeads.has(phrase) && (isCapitalized(tokens[k]) || tokens[from]?.kind === 'number') ? 'unit'
        : lexicon.forceHeads.has(phrase) ? 'military'
        : lexicon.officialHeads.has(phrase) ? 'government'
        : null;
      if (kind) { best = [k + len, kind]; break; }
    }
    if (best) break;
  }
  return best;
}

/** A word of any head noun of the lexicon ("forces", "state", "news"). */
function isHeadWord(word: string, lexicon: ActorLexicon): boolean {
  let words = HEAD_WORDS.get(lexicon);
  if (!words) {
    words = new Set([lexicon.mediaHeads, lexicon.unitHeads, lexicon.forceHeads, lexicon.officialHeads].flatMap((h) => [...h].flatMap((phrase) => phrase.split(' '))));
    HEAD_WORDS.set(lexicon, words);
  }
  return words.has(word);
}
/** Each lexicon's head words, gathered once (the lexicon is compiled once and read for every document). */
const HEAD_WORDS = new WeakMap<ActorLexicon, ReadonlySet<string>>();

/**
 * An outlet speaks for a side when it is that side's: a known outlet of a
 * party among its words ("the Houthi al-Masirah television"), or a state's
 * own ("Russian state TV"); otherwise it reports (MEDIA).
 */
function mediaSide(tokens: readonly Token[], from: number, to: number, side: string, lexicon: ActorLexicon): string {
  for (let k = from; k < to; k++) {
    const known = aliasAt(tokens, k, to, lexicon);
    if (known && known.actor.kind === 'media') return known.actor.side;
    if (STATE_OWNED.has(tokens[k]!.norm)) return side;
  }
  return 'MEDIA';
}
