import type { AnalyzedDocument, Side, Span, Token } from '../../model/index.js';
import type { ClaimLexicon } from './claim-lexicon.js';
import { spanCoverage } from '../position-index.js';

/** Sides that are not parties to a conflict: an actor of these sides is not a force. */
export const NON_PARTY_SIDES: ReadonlySet<string> = new Set(['MEDIA', 'THIRD', 'UNKNOWN']);

/**
 * A mention of armed forces (or of a party acting) in token coordinates.
 * `side` is null for a personal pronoun ("they") until resolved by context,
 * and `self`/`enemy` mark "its troops" / "enemy infantry" (resolved against
 * the speaker's side).
 */
export interface ForceMention {
  readonly from: number;
  readonly to: number;
  readonly span: Span;
  readonly text: string;
  readonly side: Side | null;
  readonly basis: 'stated' | 'inferred';
  readonly rule: string;
  /** The actor mention it came from, when the actors stage found it. */
  readonly item: string | null;
  readonly pronoun?: 'personal' | 'self' | 'enemy';
  /** A bare demonym ("Russian attacks"): only an argument when right next to the trigger. */
  readonly bare?: boolean;
}

/** Index of the token that starts at or after `offset` (binary search over spans). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.span[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Proposes force mentions in a document (an extractor: overlaps are resolved
 * by taking actor mentions first, then the longest phrase):
 * - actor mentions of a party side (the actors stage: "Moscow", "AFU");
 * - demonym + up to four words + force noun ("Russian forces", "Ukraine's 425th Separate Assault Regiment");
 * - possessive self pronoun + force noun ("its troops", "our forces"), "enemy" + force noun;
 * - personal pronouns ("they"), to be resolved by context;
 * - bare demonyms ("Russian attacks"), used only next to a trigger.
 */
export function findForces(doc: AnalyzedDocument, lexicon: ClaimLexicon): ForceMention[] {
  const { tokens } = doc;
  const ctx = lexicon.context;
  const out: ForceMention[] = [];
  const taken = new Uint8Array(tokens.length);
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const mention = (from: number, to: number, rest: Omit<ForceMention, 'from' | 'to' | 'span' | 'text'>): void => {
    for (let i = from; i < to; i++) if (taken[i]) return;
    for (let i = from; i < to; i++) taken[i] = 1;
    const span: Span = [tokens[from]!.span[0], tokens[to - 1]!.span[1]];
    out.push({ from, to, span, text: doc.text.slice(span[0], span[1]), ...rest });
  };

  const contents = spanCoverage(doc.attributions.map((a) => a.content.span));
  for (const actor of doc.actors) {
    // An actor mention that runs across the edge of a content (source and
    // content run together) is not trusted as a force; the phrases below cover it.
    if (contents.edgeInside(actor.span[0], actor.span[1])) continue;
    const entity = entities.get(actor.entity);
    if (!entity || NON_PARTY_SIDES.has(entity.side) || entity.kind === 'media' || entity.kind === 'evidence') continue;
    const from = tokenAt(tokens, actor.span[0]);
    let to = from;
    while (to < tokens.length && tokens[to]!.span[1] <= actor.span[1]) to++;
    if (to <= from) continue;
    mention(from, to, { side: entity.side, basis: actor.resolution === 'coreference' ? 'inferred' : 'stated', rule: `actor-${actor.resolution}`, item: actor.id });
  }

  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const norm = tokens[i]!.norm;
    const side = ctx.demonyms[norm];
    const isSelf = ctx.selfPronouns.includes(norm);
    const isEnemy = ctx.enemy.includes(norm);
    if (side !== undefined || isSelf || isEnemy) {
      // Look ahead (same sentence, no punctuation) for a force noun.
      let head = -1;
      for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
        const t = tokens[j]!;
        if (t.sentence !== tokens[i]!.sentence || t.kind === 'punct' || t.kind === 'quote') break;
        // "Ukraine withdrew troops": a claim's verb between the name and the noun ends the phrase
        if (head < 0 && lexicon.triggersByFirst.get(t.norm)?.some((tr) => tr.form === 'verb' || tr.form === 'participle')) break;
        if (lexicon.forceNouns.has(t.norm)) head = j;
        else if (head >= 0) break;
      }
      if (head >= 0) {
        if (side !== undefined) mention(i, head + 1, { side, basis: 'stated', rule: 'demonym-force', item: null });
        else mention(i, head + 1, { side: null, basis: 'inferred', rule: isSelf ? 'self-force' : 'enemy-force', item: null, pronoun: isSelf ? 'self' : 'enemy' });
        continue;
      }
      // "Ворог окупував місто": a language whose word for the enemy names its forces alone (context.enemyNouns)
      if (isEnemy && ctx.enemyNouns?.includes(norm)) {
        mention(i, i + 1, { side: null, basis: 'inferred', rule: 'enemy-noun', item: null, pronoun: 'enemy' });
        continue;
      }
      if (side !== undefined) {
        // A plural demonym is a force by itself ("outnumbered by Russians").
        const plural = norm.endsWith('ians') || norm.endsWith('ans');
        mention(i, i + 1, { side, basis: 'stated', rule: plural ? 'demonym-plural' : 'demonym-bare', item: null, bare: !plural });
      }
      continue;
    }
    if (ctx.personalPronouns.includes(norm)) {
      mention(i, i + 1, { side: null, basis: 'inferred', rule: 'personal-pronoun', item: null, pronoun: 'personal' });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
