import type { AnalyzedDocument, Diagnostic, Span, TimeBound, TimeField, TimeItem, TimexMod, TimexType } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { parseIsoDate, type YMD } from './calendar.js';
import { CALENDAR_DATE_RULES } from './extract-calendar-dates.js';
import { CLOCK_TIME_RULES } from './extract-clock-times.js';
import { DURATION_RULES } from './extract-durations.js';
import { HOLIDAY_RULES } from './extract-holidays.js';
import { REFERENCE_RULES } from './extract-references.js';
import { RELATIVE_DATE_RULES } from './extract-relative-dates.js';
import { SET_RULES } from './extract-sets.js';
import { normalise, type Normalised, type Tense } from './normalise.js';
import { refineClockWithDay } from './refine-clock-with-day.js';
import { refineModifiers } from './refine-modifiers.js';
import { refineOverlaps } from './refine-overlaps.js';
import { refineRanges } from './refine-ranges.js';
import { refineWithinSentence } from './refine-within-sentence.js';
import { runRules, type ExtractionRule } from './rule.js';
import { tenseAt, tenseWords, type TenseWord } from './tense.js';
import type { TimeCandidate, TimeSpec } from './time-spec.js';
import type { TimeLexicon } from './time-lexicon.js';
import { createLexiconRules } from './create-lexicon-rules.js';
import { lexiconTenseAt } from './lexicon-tense.js';

export const STAGE = 'time';

export interface TimeStageOptions {
  /**
   * Which extractor families run, in this order (all by default). Leaving one
   * out is for evaluation and debugging.
   */
  readonly extractors?: ReadonlyArray<'calendar' | 'holiday' | 'relative' | 'duration' | 'clock' | 'set' | 'reference'>;
  /**
   * Time vocabularies of other languages (data/time/<language>/lexicon.json, compiled), by language code:
   * a document whose `meta.language` has one is read with the rules built from it (create-lexicon-rules.ts)
   * instead of the English ones; the normaliser and refiners are the same.
   */
  readonly languages?: Readonly<Record<string, TimeLexicon>>;
}

const FAMILIES: Readonly<Record<NonNullable<TimeStageOptions['extractors']>[number], readonly ExtractionRule[]>> = {
  calendar: CALENDAR_DATE_RULES,
  holiday: HOLIDAY_RULES,
  relative: RELATIVE_DATE_RULES,
  duration: DURATION_RULES,
  clock: CLOCK_TIME_RULES,
  set: SET_RULES,
  reference: REFERENCE_RULES,
};

/** A candidate after normalisation: what the refiners of the second half work on. */
export interface ResolvedTime {
  readonly span: Span;
  readonly rule: string;
  readonly sentence: number;
  readonly caption: boolean;
  readonly spec: TimeSpec;
  readonly tense: Tense;
  readonly type: TimexType;
  readonly value: string | null;
  readonly mod?: TimexMod;
  readonly anchor: 'none' | 'publication' | { readonly time: string };
  readonly stated: readonly TimeField[];
  readonly inferred: readonly TimeField[];
  readonly range?: { readonly start: TimeBound; readonly end: TimeBound | null };
  readonly signal?: { readonly text: string; readonly span: Span };
}

/**
 * The time stage: rule extractors propose candidates over the text, refiners
 * keep those inside one sentence and the longest of overlapping ones, the
 * normaliser resolves each against the publication date (never the clock),
 * then refiners join a clock time to its day and read ranges.
 *
 * @example createTimeStage().run(doc, {}).times // "on Wednesday" → { value: '2025-11-05', ... }
 */
export function createTimeStage(options: TimeStageOptions = {}): Stage {
  const families = options.extractors ?? (Object.keys(FAMILIES) as Array<keyof typeof FAMILIES>);
  for (const f of families) {
    if (!(f in FAMILIES)) throw new Error(`time: unknown extractor family ${JSON.stringify(f)}; use one of ${Object.keys(FAMILIES).join(', ')}`);
  }
  const rules = families.flatMap((f) => FAMILIES[f]);
  const byLanguage = new Map(Object.entries(options.languages ?? {}).map(([language, lexicon]) => {
    if (lexicon.language !== language) throw new Error(`time: the lexicon given for ${JSON.stringify(language)} is for ${JSON.stringify(lexicon.language)}`);
    return [language, { lexicon, rules: createLexiconRules(lexicon) }] as const;
  }));
  return {
    name: STAGE,
    run(doc) {
      const language = byLanguage.get(doc.meta.language ?? 'en');
      return language ? readTimes(doc, language.rules, language.lexicon) : readTimes(doc, rules, null);
    },
  };
}

function readTimes(doc: AnalyzedDocument, rules: readonly ExtractionRule[], lexicon: TimeLexicon | null): AnalyzedDocument {
  const { text } = doc;
  const reference = parseIsoDate(doc.meta.published);
  const proposed = refineModifiers(runRules(rules, text), text).sort((a, b) => a.span[0] - b.span[0]);
  const candidates = refineOverlaps(refineWithinSentence(proposed, doc.sentences));
  const resolved: ResolvedTime[] = [];
  let previousValue: string | null = null;
  let previousId: string | null = null;
  let quarterInFocus: string | null = null;
  const narrative = isNarrative(candidates, reference);
  // The words of each sentence, read once however many expressions it holds (key -1: no sentences, the whole text).
  const wordsBySentence = new Map<number, readonly TenseWord[]>();
  for (const sequenced of candidates as Array<TimeCandidate & { sentence: number }>) {
    const c = readSequence(sequenced, narrative);
    const sentence = doc.sentences[c.sentence];
    const caption = sentence?.caption ?? false;
    const sentenceStart = sentence?.span[0] ?? 0;
    const sentenceText = sentence?.text ?? text;
    const sentenceKey = sentence ? c.sentence : -1;
    let tense: Tense;
    const before = text.slice(Math.max(0, c.span[0] - 12), c.span[0]).toLowerCase();
    if (lexicon) {
      tense = lexiconTenseAt(lexicon, sentenceText, c.span[0] - sentenceStart, c.spec);
    } else {
      let words = wordsBySentence.get(sentenceKey);
      if (!words) wordsBySentence.set(sentenceKey, (words = tenseWords(sentenceText)));
      tense = tenseAt(sentenceText, c.span[0] - sentenceStart, words);
    }
    // The contexts below are English words; a lexicon language's tense has read its own (lexicon-tense.ts).
    if (lexicon) void 0;
    // "since July" looks back: the July before publication.
    else if (/\b(?:since|ago)\s+$/.test(before)) tense = 'past';
    // A deadline or a term looks forward whatever the clause's tense: "extended to Nov. 20", "respond by Oct. 31", "effective Feb. 1".
    else if (tense === 'past' && c.spec.kind === 'calendar' && /\b(?:to|until|till|by|through|effective|record)\s+$/.test(before)) tense = 'present';
    // "the Jan. 14 deadline", "a May 1 date": a date naming a deadline is read without tense, like one after "by".
    else if (tense === 'past' && c.spec.kind === 'calendar' && /^\s+(?:deadline|target\s+date|due\s+date)\b/i.test(text.slice(c.span[1], c.span[1] + 16))) tense = 'present';
    // A deadline on a weekday looks forward: "until 9 a.m. Tuesday", "by Friday" (a clock time may come between).
    // Not in the past perfect: "had filed by Wednesday", "Until Thursday, they had not called" look back.
    else if (c.spec.kind === 'weekday' && c.spec.shift === 'bare' && DEADLINE_BEFORE_WEEKDAY.test(text.slice(Math.max(0, c.span[0] - 40), c.span[0]))
      && !/\bhad\b/i.test(sentenceText)) tense = 'future';
    // Narrative mode (HeidelTime's "narratives" vs "news"): a year-less date is read against the narrative
    // reference time, the latest date with a year mentioned before it, not against the publication date.
    const narrativeRef: YMD | null = narrative && isYearless(c.spec) ? narrativeReference(previousValue) : null;
    const n: Normalised = narrativeRef
      ? { ...normalise(inNarrativeYear(c.spec), { reference: narrativeRef, tense, previousValue }), anchor: 'previous' as const }
      : normalise(c.spec, { reference, tense, previousValue, quarterInFocus });
    const r: ResolvedTime = {
      span: c.span, rule: c.rule, sentence: c.sentence, caption, spec: c.spec, tense,
      type: c.type ?? n.type, value: n.value, ...(c.mod ? { mod: c.mod } : {}), anchor: n.anchor === 'previous' ? { time: previousId! } : n.anchor,
      stated: c.stated, inferred: n.inferred,
    };
    if (c.rangeEnd) {
      const end = narrativeRef ? normalise(inNarrativeYear(c.rangeEnd), { reference: narrativeRef, tense, previousValue }) : normalise(c.rangeEnd, { reference, tense, previousValue });
      resolved.push(n.value && end.value ? { ...r, range: { start: { value: n.value }, end: { value: end.value } } } : r);
    } else {
      resolved.push(r);
    }
    // A caption's date describes a photo: it never anchors the news that follows.
    // Nor does a value derived from the previous one ("a year earlier" after "a year earlier" would drift back a year each time).
    const derived = (n.anchor === 'previous' && !narrativeRef) || (c.spec.kind === 'relative' && c.spec.inheritGranularity === true);
    // The quarter under discussion in results reporting: the last quarter named, not one derived from it.
    if (!caption && !derived && n.value && /^\d{4}-Q[1-4]$/.test(n.value)) quarterInFocus = n.value;
    if (!caption && !derived && n.value && /^\d{4}/.test(n.value)) {
      previousValue = n.value;
      previousId = itemId('time', c.span);
    }
  }
  const refined = refineRanges(refineClockWithDay(resolved, text), text, reference);
  const times: TimeItem[] = refined.map((r) => toItem(r, text));
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  for (const t of times) {
    if (t.caption) {
      diagnostics.push({
        code: 'time.caption-date', severity: 'info', span: t.span, stage: STAGE, rule: t.origin.rule,
        message: `"${t.text}" is in a photo caption or credit: it dates the picture, not the news`,
      });
    }
  }
  const unresolved = times.filter((t) => t.value === null);
  if (unresolved.length > 0 && reference === null) {
    diagnostics.push({
      code: 'time.no-publication-date', severity: 'warning', span: unresolved[0]!.span, stage: STAGE, rule: 'reference',
      message: `no publication date: ${unresolved.length} relative time expression(s) left unresolved (give --published)`,
    });
  }
  return { ...doc, times, diagnostics };
}


/**
 * A document is a narrative (a history, a chronology) rather than news when
 * it states many years (NARRATIVE_MIN_YEARS) and most of them are before
 * the year before its publication: then the publication date says nothing
 * about "On 24 May" or "in February" (HeidelTime leaves the choice of its
 * news or narratives mode to the user; here the text decides, per
 * document). A news report states few years, mostly its own, even when it
 * recalls history in a paragraph of background.
 */
/**
 * "Three days later", "a day earlier": in news TimeBank tags the amount of time (P3D, "later" left out as a
 * signal); in a narrative it is the date three days after the last date told (TIMEX2 and HeidelTime's
 * narrative mode), so the offset counts from the previous value, not from publication.
 */
function readSequence<C extends TimeCandidate>(c: C, narrative: boolean): C {
  if (!c.sequence) return c;
  if (narrative) return c.spec.kind === 'relative' ? { ...c, spec: { ...c.spec, anaphoric: true } } : c;
  return { ...c, span: [c.span[0], c.sequence.end], spec: c.sequence.duration, type: 'DURATION' };
}

/** In a narrative a year-less date is in the year of the narrative reference ("In 1943 ... in February" is 1943-02): time there is told in order, not counted back from publication. */
function inNarrativeYear(spec: TimeSpec): TimeSpec {
  return spec.kind === 'calendar' && spec.year === undefined && spec.yearShift === undefined ? { ...spec, yearShift: 'this' } : spec;
}

function isNarrative(candidates: readonly TimeCandidate[], reference: YMD | null): boolean {
  if (!reference) return false;
  let stated = 0;
  let distant = 0;
  for (const c of candidates) {
    if (c.spec.kind !== 'calendar' || c.spec.year === undefined) continue;
    stated++;
    if (reference.year - c.spec.year > NARRATIVE_GAP_YEARS) distant++;
  }
  return stated >= NARRATIVE_MIN_YEARS && distant * 2 > stated;
}
const DEADLINE_BEFORE_WEEKDAY = /\b(?:until|till|by)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{3})?,?\s+)?$/i;
const NARRATIVE_GAP_YEARS = 1;
const NARRATIVE_MIN_YEARS = 8;

/** A calendar date whose year the text does not give ("24 May", "in February", "the third quarter"). */
function isYearless(spec: TimeSpec): boolean {
  return spec.kind === 'calendar' && spec.year === undefined && spec.yearShift === undefined && spec.yearOffset === undefined
    && spec.decade === undefined && spec.century === undefined;
}

/** The narrative reference time as a date: the latest value with a year, at mid-period where it is coarser than a day. */
function narrativeReference(previous: string | null): YMD | null {
  const m = previous ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(previous) : null;
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 6, day: m[3] ? Number(m[3]) : 15 };
}

function toItem(r: ResolvedTime, text: string): TimeItem {
  return {
    id: itemId('time', r.span),
    kind: 'time',
    span: r.span,
    text: text.slice(r.span[0], r.span[1]),
    origin: { stage: STAGE, rule: r.rule },
    type: r.type,
    value: r.value,
    ...(r.mod ? { mod: r.mod } : {}),
    ...(r.range ? { range: r.range } : {}),
    anchor: r.anchor,
    stated: r.stated,
    inferred: r.inferred,
    caption: r.caption,
    ...(r.signal ? { signal: r.signal } : {}),
  };
}
