import type { PloverEventType } from '../../model/index.js';
import { PLOVER_EVENT_TYPES } from '../../model/index.js';

/** One way of writing a trigger: the token norms to match, and what it codes. */
export interface TriggerForm {
  readonly tokens: readonly string[];
  readonly type: PloverEventType;
  readonly mode: string | null;
  /** The CAMEO code the entry was derived from (data/events/triggers.tsv). */
  readonly cameo: string;
  /** A verb form (as opposed to a noun): verbs can head a clause, nouns name an event. */
  readonly verb: boolean;
  /** Whether the form can also be read as a noun naming the event ("the attack"); "a sign" cannot. */
  readonly nominal: boolean;
  /** The entry's base phrase: the rule id in an event's origin. */
  readonly entry: string;
}

export interface EventLexicon {
  /** Trigger forms by their first token's norm, longest first. */
  readonly triggers: ReadonlyMap<string, readonly TriggerForm[]>;
  readonly actorHeads: ReadonlySet<string>;
  readonly notActors: ReadonlySet<string>;
  readonly connectors: ReadonlySet<string>;
  /** Words of conventional military force (CAMEO 19 vs 18). */
  readonly military: ReadonlySet<string>;
  /** Reversal verbs, every inflected form, as token sequences joined by spaces ("called off"). */
  readonly reversals: ReadonlySet<string>;
}

const VOWEL = /[aeiou]/;

/** -s, -ed and -ing forms of an English verb (regular morphology; irregular forms are listed as exact entries). */
export function verbForms(base: string): string[] {
  const cvc = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base);
  const last = base.slice(-1);
  const third = /(?:s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : cvc ? `${base}${last}ed` : `${base}ed`;
  const ing = base.endsWith('ie') ? `${base.slice(0, -2)}ying` : base.endsWith('e') && !base.endsWith('ee') && base.length > 2 ? `${base.slice(0, -1)}ing` : cvc ? `${base}${last}ing` : `${base}ing`;
  // British spelling doubles a final l after one vowel ("cancelled", "expelled", "travelling").
  const british = /[^aeiou][aeiou]l$/.test(base) && !cvc ? [`${base}led`, `${base}ling`] : [];
  return [base, third, past, ing, ...british];
}

export function nounForms(base: string): string[] {
  const plural = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) && VOWEL.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  return [base, plural];
}

/**
 * Parses data/events/triggers.tsv (phrase, pos, type, mode, cameo) and
 * data/events/actor-words.json. Throws on a malformed line with its number:
 * the lexicon is configuration, and a typo in it is a programmer error.
 */
export function parseEventLexicon(triggersTsv: string, actorWordsJson: unknown): EventLexicon {
  const byFirst = new Map<string, TriggerForm[]>();
  const seen = new Set<string>();
  let header = true;
  triggersTsv.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    if (header) {
      header = false;
      return;
    }
    const [phrase, pos, type, mode, cameo] = line.split('\t');
    if (!phrase || !pos || !type || !mode || !cameo) throw new Error(`data/events/triggers.tsv line ${i + 1}: expected 5 tab-separated columns`);
    if (!(PLOVER_EVENT_TYPES as readonly string[]).includes(type)) throw new Error(`data/events/triggers.tsv line ${i + 1}: unknown PLOVER type "${type}"`);
    if (pos !== 'v' && pos !== 'vn' && pos !== 'n' && pos !== 'x') throw new Error(`data/events/triggers.tsv line ${i + 1}: pos must be v, vn, n or x`);
    const isVerb = pos === 'v' || pos === 'vn';
    const words = phrase.toLowerCase().split(/\s+/);
    const heads = isVerb ? verbForms(words[0]!) : pos === 'n' ? nounForms(words[words.length - 1]!) : [null];
    for (const head of heads) {
      const tokens = head === null ? words : isVerb ? [head, ...words.slice(1)] : [...words.slice(0, -1), head];
      const key = tokens.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const form: TriggerForm = { tokens, type: type as PloverEventType, mode: mode === '-' ? null : mode, cameo, verb: isVerb || (pos === 'x' && VERBISH.test(words[0]!)), nominal: pos !== 'v', entry: phrase };
      const list = byFirst.get(tokens[0]!) ?? [];
      list.push(form);
      byFirst.set(tokens[0]!, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const words = actorWordsJson as { heads?: unknown; notActors?: unknown; connectors?: unknown; military?: unknown; reversals?: unknown };
  const set = (v: unknown, name: string): Set<string> => {
    if (!Array.isArray(v) || !v.every((w) => typeof w === 'string')) throw new Error(`data/events/actor-words.json: "${name}" must be an array of strings`);
    return new Set(v.map((w: string) => w.toLowerCase()));
  };
  return { triggers: byFirst, actorHeads: set(words.heads, 'heads'), notActors: set(words.notActors, 'notActors'), connectors: set(words.connectors, 'connectors'), military: set(words.military, 'military'), reversals: new Set([...set(words.reversals, 'reversals')].flatMap((r) => { const [head, ...rest] = r.split(' '); return verbForms(head!).map((f) => [f, ...rest].join(' ')); })) };
}

/** Exact entries that are verb forms (past tenses, participles): "met", "withdrew", "denied". */
const VERBISH = /(?:ed|ew|et|ot|ought|uck|own|id|ied)$/;
