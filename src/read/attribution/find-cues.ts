import type { Sentence, Token } from '../../model/index.js';
import type { CueEntry, CueLexicon } from './cue-lexicon.js';

export interface CueMatch {
  /** Token range of the cue, auxiliaries included ("has said", "did not deny"). */
  readonly from: number;
  readonly to: number;
  /** Where the lexicon form itself starts. */
  readonly head: number;
  readonly entry: CueEntry;
  /** A passive pointed back to by an anaphor, its agent after it ("This was reported by X"): a report whatever a tagger says. */
  readonly anaphoricPassive?: boolean;
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'did', 'does', 'do', 'not', "n't", 'could', 'may', 'might', 'can', 'should', 'must', "'d", "'ll"]);
/** Words opening a sentence that point back to what the one before told ("This was reported by …"). */
const ANAPHORS = new Set(['this', 'that']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'re", "'s", 'am']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', "'s", 'such', 'any', 'no', 'new', 'earlier', 'latest', 'recent', 'previous', 'official', 'false', 'unfounded', 'repeated', 'similar', 'some', 'many', 'several', 'public', 'written', 'joint']);
/** A capitalised word that is an adjective of nationality ("Russian claims"), not a subject ("Trump claims"). */
const DEMONYM_LIKE = /^\p{Lu}\p{L}*(?:ian|ese|ish|ean)$/u;

/**
 * Reporting cues in a sentence, longest form first. A form that is also a noun
 * ("claims", "report", "post") is a verb cue only where no determiner or
 * nationality adjective precedes it; after one it is a noun cue ("Russian
 * claims that ...") if the lexicon has it as such. Passives ("are thought
 * to") are not the subject's words and are left out.
 */
export function findCues(tokens: readonly Token[], sentence: Sentence, lexicon: CueLexicon): CueMatch[] {
  const out: CueMatch[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    const list = lexicon.byFirst.get(tokens[i]!.norm);
    if (!list) continue;
    const prev = i > from ? tokens[i - 1]! : undefined;
    const nounContext = prev !== undefined && (DETERMINERS.has(prev.norm) || DEMONYM_LIKE.test(prev.text));
    let match: CueEntry | null = null;
    for (const entry of list) {
      if (i + entry.norms.length > to) continue;
      if (!entry.norms.every((n, k) => tokens[i + k]!.norm === n)) continue;
      if (entry.frame === 'noun' && !nounContext) continue;
      if (entry.frame === 'verb' && nounContext) continue;
      match = entry;
      break;
    }
    if (!match) continue;
    const end = i + match.norms.length;
    // a noun cue introduces its content with "that", directly or after its "by" agent ("a claim by the group on Saturday that")
    if (match.frame === 'noun' && tokens[end]?.norm !== 'that' && !(tokens[end]?.norm === 'by' && thatWithin(tokens, end + 1, Math.min(sentence.tokens[1], end + 13)))) continue;
    if (match.frame === 'verb') {
      // passive: "are thought to", "was reported"; "said" after "be" is rare and also passive
      let b = i - 1;
      while (b >= from && (tokens[b]!.norm === 'not' || tokens[b]!.norm === "n't" || /ly$/.test(tokens[b]!.norm))) b--;
      if (b >= from && BE.has(tokens[b]!.norm) && !match.participle) {
        // "This was reported by X", "That has been denied by Y": the passive of a report whose content came before
        let a = b;
        while (a - 1 >= from && (AUXILIARIES.has(tokens[a - 1]!.norm) || BE.has(tokens[a - 1]!.norm))) a--;
        const anaphor = a - 1 === from && lexicon.anaphorAgents !== undefined && ANAPHORS.has(tokens[a - 1]!.norm);
        if (!anaphor || !lexicon.anaphorAgents!.has(tokens[end]?.norm ?? '')) continue;
        out.push({ from: a, to: end, head: i, entry: match, anaphoricPassive: true });
        i = end - 1;
        continue;
      }
    }
    let start = i;
    if (match.frame === 'verb') while (start - 1 >= from && AUXILIARIES.has(tokens[start - 1]!.norm)) start--;
    out.push({ from: start, to: end, head: i, entry: match });
    i = end - 1;
  }
  return out;
}

function thatWithin(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.norm === 'that') return true;
  return false;
}
