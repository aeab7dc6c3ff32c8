import { z } from 'zod';
import type { Attribution, Span, Stance } from '../../model/index.js';

/** One content pattern of data/cues/content-stance.json, compiled. */
interface ContentStanceRule {
  readonly stance: Stance;
  /** A rejection that governs a complement ("incorrect to claim that ...") rather than stating its own proposition. */
  readonly frame: boolean;
  readonly pattern: RegExp;
  /** Words right after a match that cancel it ("fighting continues | in the suburbs of …": not in the place itself). */
  readonly unless?: RegExp;
}

export interface ContentStanceLexicon {
  /** Rules per language code, deny before acknowledge. */
  readonly byLanguage: ReadonlyMap<string, readonly ContentStanceRule[]>;
}

const PatternLists = z.object({
  frame: z.array(z.string().min(1)).optional(),
  plain: z.array(z.string().min(1)).optional(),
  unlessFollowedBy: z.array(z.string().min(1)).optional(),
});
const ContentStanceSchema = z.object({
  about: z.string(),
}).catchall(z.union([z.string(), z.partialRecord(z.enum(['deny', 'acknowledge', 'accuse', 'warn', 'demand', 'believe', 'promise', 'question']), PatternLists)]));

/** How far after a match its cancelling words are looked for. */
const UNLESS_REACH = 60;

/** Stances a content pattern may override: only a neutral cue takes its stance from what was said. */
const NEUTRAL: ReadonlySet<Stance> = new Set(['assert', 'report']);
/** Order of precedence when patterns of several stances match one content. */
const PRECEDENCE: readonly Stance[] = ['deny', 'question', 'acknowledge', 'accuse', 'warn', 'demand', 'promise', 'believe'];

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "situation * difficult" → the pattern's body: its words, each perhaps in quotation marks; '*' is up to four words. */
function patternBody(phrase: string): string {
  // a word may sit in quotation marks ('the situation was "difficult"')
  const parts = phrase.toLowerCase().split(/\s+/).map((w) => (w === '*' ? '(?:\\S+\\s+){0,4}?' : `["“”«»']?${escape(w)}["“”«»']?\\s+`));
  return parts.join('').replace(/\\s\+$/, '');
}

/** One word-bounded pattern for all the phrases of a stance and class: one scan of a content per class, not one per phrase. */
function compilePatterns(phrases: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(patternBody).join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/** Validates data/cues/content-stance.json and compiles its patterns; throws naming the problem. */
export function compileContentStance(data: unknown): ContentStanceLexicon {
  const parsed = ContentStanceSchema.parse(data);
  const byLanguage = new Map<string, ContentStanceRule[]>();
  for (const [language, stances] of Object.entries(parsed)) {
    if (language === 'about' || typeof stances === 'string') continue;
    const rules: ContentStanceRule[] = [];
    for (const stance of PRECEDENCE) {
      const lists = stances[stance as keyof typeof stances];
      if (!lists) continue;
      const unless = lists.unlessFollowedBy?.length ? new RegExp(`^[\\s"“”«»']*(?:${lists.unlessFollowedBy.map(patternBody).join('|')})(?![\\p{L}\\p{N}])`, 'u') : undefined;
      if (lists.frame?.length) rules.push({ stance, frame: true, pattern: compilePatterns(lists.frame), ...(unless ? { unless } : {}) });
      if (lists.plain?.length) rules.push({ stance, frame: false, pattern: compilePatterns(lists.plain), ...(unless ? { unless } : {}) });
    }
    byLanguage.set(language, rules);
  }
  return { byLanguage };
}

/** Lower case and plain apostrophes, keeping every offset (a letter whose lower case is longer stays as it is). */
function sameLengthLower(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(/[’‘ʼ`]/g, "'");
  return text.replace(/\p{Lu}/gu, (c) => { const l = c.toLowerCase(); return l.length === c.length ? l : c; }).replace(/[’‘ʼ`]/g, "'");
}

/**
 * Refiner: the stance of a neutral cue from what the content says (warnews
 * GUIDELINES.md: "said this is not true" is a denial, "the situation is
 * difficult" an admission). The words that decided it are kept in
 * `stanceFrom`, so the claims stage can tell a rejection of a complement
 * ("incorrect to claim that ...") from the speaker's own propositions, and a
 * reader can see why.
 *
 * @example
 * refineStanceFromContent(said('This is not true. Our units hold the town.'), lexicon, 'en').stance // => 'deny'
 */
export function refineStanceFromContent(a: Attribution, lexicon: ContentStanceLexicon, language: string): Attribution {
  // a claim named by a noun ("заяви Росії про …") sits in the sentence whose speaker rejects it: the rejection is not its own
  if (a.voice !== 'source' || !NEUTRAL.has(a.stance) || a.origin.rule === 'genitive-noun') return a;
  const rules = lexicon.byLanguage.get(language) ?? lexicon.byLanguage.get('en');
  if (!rules) return a;
  const parts = [a.content, ...(a.contentParts ?? [])].map((part) => ({ ...part, lower: sameLengthLower(part.text) }));
  for (const rule of rules) {
    for (const part of parts) {
      const m = rule.pattern.exec(part.lower);
      if (!m || rule.unless?.test(part.lower.slice(m.index + m[0].length, m.index + m[0].length + UNLESS_REACH))) continue;
      const span: Span = [part.span[0] + m.index, part.span[0] + m.index + m[0].length];
      return { ...a, stance: rule.stance, stanceFrom: { span, text: part.text.slice(m.index, m.index + m[0].length), rule: `content-${rule.stance}${rule.frame ? '-frame' : ''}` } };
    }
  }
  return a;
}

/** Characters between a rejection and an infinitive cue it governs: quotes, spaces, "to" ("it was “incorrect” to claim that ..."). */
const GOVERNED_GAP = /^[\s"“”'’]*(?:to\s+)?$/iu;

/**
 * Refiner over a document's attributions, after each took its stance: an
 * infinitive cue governed by a rejection ("said it was incorrect to claim that
 * the town had fallen") reports what the rejecting speaker denies: it takes
 * the rejection's source, side and stance, and the rejection's words as its
 * `stanceFrom`, so its propositions are denied, not asserted by the speaker.
 */
export function refineGovernedCues(text: string, attributions: readonly Attribution[]): Attribution[] {
  const frames = attributions.filter((a) => a.stanceFrom?.rule.endsWith('-frame'));
  if (frames.length === 0) return [...attributions];
  return attributions.map((a) => {
    if (!a.cue || a.stanceFrom || a.voice !== 'source') return a;
    if (!/^to\s/i.test(a.cue.text) && !/\sto\s*$/i.test(text.slice(Math.max(0, a.cue.span[0] - 4), a.cue.span[0]))) return a;
    const frame = frames.find((f) => f !== a && f.stanceFrom!.span[1] <= a.cue!.span[0] && a.cue!.span[0] - f.stanceFrom!.span[1] <= 12
      && GOVERNED_GAP.test(text.slice(f.stanceFrom!.span[1], a.cue!.span[0])));
    if (!frame) return a;
    return { ...a, source: frame.source, speaker: frame.speaker, side: frame.side, stance: 'deny', stanceFrom: frame.stanceFrom };
  });
}
