import type { Side, Token } from '../../model/index.js';
import type { ActorLexicon, KnownActor } from './actor-dictionary.js';

/**
 * Suffixes that make a compound name whose side owns the thing named:
 * "Hamas-run health ministry", "Russian-installed official",
 * "Kremlin-controlled media", "Houthi-led government". Not "-backed": an
 * "Iran-backed militia" speaks for itself, not for Iran.
 */
const OWNER_SUFFIXES = new Set(['run', 'installed', 'appointed', 'controlled', 'led', 'owned', 'operated', 'aligned', 'affiliated', 'linked', 'allied']);

/** A dictionary name of one token ("Hamas", "Kremlin", "RSF"), case aside, and its actor. */
function oneTokenActor(norm: string, lexicon: ActorLexicon): KnownActor | null {
  return lexicon.aliasesByFirst.get(norm)?.find((a) => a.norms.length === 1)?.actor ?? null;
}

/**
 * The side one word gives what it modifies: a demonym ("Ukrainian"), a
 * country ("US", "Sudan"), an alignment ("pro-Russian", "pro-Kremlin"), an
 * owner compound ("Hamas-run", "Russian-installed"), or null.
 */
export function sideOfWord(norm: string, lexicon: ActorLexicon): Side | null {
  const direct = lexicon.demonyms.get(norm) ?? lexicon.countries.get(norm);
  if (direct) return direct;
  const base = (word: string): Side | null => {
    const s = lexicon.demonyms.get(word) ?? lexicon.countries.get(word) ?? oneTokenActor(word, lexicon)?.side ?? null;
    return s === 'MEDIA' ? null : s;
  };
  if (norm.startsWith('pro-')) return base(norm.slice(4));
  const dash = norm.lastIndexOf('-');
  if (dash > 0 && OWNER_SUFFIXES.has(norm.slice(dash + 1))) return base(norm.slice(0, dash));
  return null;
}

/** The dictionary name (or metonym: "Kremlin") that starts at token `i` and ends at or before `limit`, longest first. */
export function aliasAt(tokens: readonly Token[], i: number, limit: number, lexicon: ActorLexicon): { end: number; actor: KnownActor } | null {
  const list = lexicon.aliasesByFirst.get(tokens[i]?.norm ?? '');
  if (!list) return null;
  for (const alias of list) {
    const end = i + alias.norms.length;
    if (end > limit) continue;
    let ok = true;
    for (let k = 0; k < alias.norms.length && ok; k++) {
      const t = tokens[i + k]!;
      ok = t.norm === alias.norms[k] && (alias.exactCase === null || t.text === alias.exactCase[k]);
    }
    if (ok) return { end, actor: alias.actor };
  }
  return null;
}

/** The dictionary name that ends right at `end` (exclusive), starting no earlier than `earliest`, longest first. */
export function aliasEndingAt(tokens: readonly Token[], end: number, earliest: number, lexicon: ActorLexicon): { start: number; actor: KnownActor } | null {
  for (let start = Math.max(earliest, end - 6); start < end; start++) {
    const hit = aliasAt(tokens, start, end, lexicon);
    if (hit && hit.end === end) return { start, actor: hit.actor };
  }
  return null;
}

/**
 * Words that make a source an outside observer when no party is named:
 * "independent war monitor", "a think tank", "human rights group". Kept in
 * code because the rule that reads them is here (like MILITARY_WORDS).
 */
const OUTSIDE_WORDS = new Set([
  'independent', 'think-tank', 'tank', 'monitor', 'monitors', 'watchdog', 'researcher', 'researchers', 'analyst', 'analysts',
  'expert', 'experts', 'professor', 'scholar', 'fellow', 'academic', 'open-source', 'osint', 'investigative', 'rights',
  'humanitarian', 'ngo', 'university', 'institute', 'observers',
]);

export type RangeSide = { readonly side: Side; readonly how: 'member' | 'national' | 'outside' };

/**
 * The side a description states for whom it describes, read left to right:
 * a dictionary actor it names ("a spokesperson for the Khortytsia group",
 * "adviser to the RSF commander", "an aide to Zelensky": member), else a demonym, country or
 * alignment word ("a Ukrainian lawmaker", "Russia's"; national), else words of
 * an outside observer ("an independent analyst": outside, THIRD). A media
 * outlet named makes the source media ("a reporter for Reuters"); an
 * outside body (the UN, a think tank) makes it THIRD. Null when none.
 */
export function sideOfRange(tokens: readonly Token[], from: number, to: number, lexicon: ActorLexicon): RangeSide | null {
  let national: Side | null = null;
  let outside = false;
  for (let k = from; k < to; k++) {
    const hit = aliasAt(tokens, k, to, lexicon);
    if (hit && hit.actor.side !== 'UNKNOWN') return { side: hit.actor.side, how: 'member' };
    const norm = tokens[k]!.norm;
    national ??= sideOfWord(norm, lexicon);
    if (OUTSIDE_WORDS.has(norm)) outside = true;
  }
  if (outside && tokens.slice(from, to).some((t) => t.norm === 'independent')) return { side: 'THIRD', how: 'outside' };
  if (national) return { side: national, how: 'national' };
  return outside ? { side: 'THIRD', how: 'outside' } : null;
}
