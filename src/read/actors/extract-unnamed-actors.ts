import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';
import { aliasAt, aliasEndingAt, sideOfRange } from './side-words.js';

/** Heads that name people who speak for nobody but themselves: a place after them is where they are, not whom they serve. */
const CIVILIAN_HEADS = new Set(['resident', 'residents', 'witness', 'witnesses', 'survivor', 'survivors', 'person', 'people', 'doctor', 'doctors', 'medic', 'medics', 'paramedic']);
/** Words after a head that tie it to the body it serves ("a spokesperson for the Khortytsia group", "an official of Hamas"). */
const MEMBERSHIP = new Set(['for', 'of', 'at', 'with', 'in', 'from']);
/** Heads that are outside observers by what they do ("analysts", "experts"): with no side stated, a third party. */
const OBSERVER_HEADS = new Set(['analyst', 'analysts', 'expert', 'experts', 'observers', 'monitors']);

/**
 * Sources the text does not name: "one platoon commander", "a military
 * source", "two senior officials", "officials", "residents". A determiner or
 * descriptive words then a head of `unnamedHeads`; a bare plural head counts
 * too ("officials said"). The side comes from a demonym among the words.
 */
export function extractUnnamedActors(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    if (!lexicon.unnamedHeads.has(tokens[i]!.norm)) continue;
    let start = i;
    while (start - 1 >= from && start > i - 4 && lexicon.unnamedDeterminers.has(tokens[start - 1]!.norm)) start--;
    const plural = tokens[i]!.norm.endsWith('s') && tokens[i]!.norm !== 'source';
    if (start === i && !plural) continue;
    if (start < i && ['the', 'these', 'those'].includes(tokens[start]!.norm)) continue; // a definite: coreference, not a new source
    if (!plural && isCapitalized(tokens[i + 1])) continue; // a title before a name ("Kremlin spokesperson Dmitry Peskov"): the title rule's
    let side = 'UNKNOWN';
    let rule = 'unnamed-source';
    // a body named before ("DeepState analysts", "Hamas officials", "IDF soldiers"): its members
    // or its possessive ("Russia's defence circles", "Hamas's officials")
    const possessive = start - 2 >= from && tokens[start - 1]!.norm === "'s";
    const owner = start - 1 >= from ? aliasEndingAt(tokens, start, from, lexicon) ?? (possessive ? aliasEndingAt(tokens, start - 1, from, lexicon) : null) : null;
    if (owner && owner.actor.side !== 'UNKNOWN') { start = owner.start; side = owner.actor.side; rule = 'unnamed-member'; }
    else {
      const stated = sideOfRange(tokens, start, i, lexicon);
      if (stated) side = stated.side;
    }
    // a body named after ("a spokesperson for the Khortytsia group", "an official of Gaza's Hamas-run health ministry")
    let end = i + 1;
    if (side === 'UNKNOWN' && !CIVILIAN_HEADS.has(tokens[i]!.norm) && MEMBERSHIP.has(tokens[end]?.norm ?? '')) {
      let k = end + 1;
      if (tokens[k]?.norm === 'the') k++;
      const body = k < to ? aliasAt(tokens, k, to, lexicon) : null;
      // not when the name owns what follows ("fighters from Ukraine's 425th regiment": the regiment is the body)
      if (body && body.actor.side !== 'UNKNOWN' && body.actor.kind !== 'person' && tokens[body.end]?.norm !== "'s") { side = body.actor.side; end = body.end; rule = 'unnamed-member'; }
      else {
        // a body described by its owner ("an official of the Russian-installed administration")
        let stop = k;
        while (stop < to && stop - k < 6 && tokens[stop]!.kind === 'word' && !lexicon.phraseBreaks.has(tokens[stop]!.norm)) stop++;
        const owner = stop > k ? sideOfRange(tokens, k, stop, lexicon) : null;
        if (owner && owner.how !== 'outside') { side = owner.side; rule = 'unnamed-member'; }
      }
    }
    if (side === 'UNKNOWN' && OBSERVER_HEADS.has(tokens[i]!.norm)) { side = 'THIRD'; rule = 'unnamed-observer'; }
    out.push({ from: start, to: end, kind: 'unnamed', side, name: tokensText(text, tokens, start, end), key: null, role: null, resolution: 'rule', rule });
  }
  return out;
}
