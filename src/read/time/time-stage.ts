import type { AnalyzedDocument, Diagnostic, Span, TimeBound, TimeField, TimeItem, TimexMod, TimexType } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { parseIsoDate } from './calendar.js';
import { CALENDAR_DATE_RULES } from './extract-calendar-dates.js';
import { CLOCK_TIME_RULES } from './extract-clock-times.js';
import { DURATION_RULES } from './extract-durations.js';
import { REFERENCE_RULES } from './extract-references.js';
import { RELATIVE_DATE_RULES } from './extract-relative-dates.js';
import { SET_RULES } from './extract-sets.js';
import { normalise, type Tense } from './normalise.js';
import { refineClockWithDay } from './refine-clock-with-day.js';
import { refineModifiers } from './refine-modifiers.js';
import { refineOverlaps } from './refine-overlaps.js';
import { refineRanges } from './refine-ranges.js';
import { refineWithinSentence } from './refine-within-sentence.js';
import { runRules, type ExtractionRule } from './rule.js';
import { tenseAt } from './tense.js';
import type { TimeCandidate, TimeSpec } from './time-spec.js';

export const STAGE = 'time';

export interface TimeStageOptions {
  /**
   * Which extractor families run, in this order (all by default). Leaving one
   * out is for evaluation and debugging.
   */
  readonly extractors?: ReadonlyArray<'calendar' | 'relative' | 'duration' | 'clock' | 'set' | 'reference'>;
}

const FAMILIES: Readonly<Record<NonNullable<TimeStageOptions['extractors']>[number], readonly ExtractionRule[]>> = {
  calendar: CALENDAR_DATE_RULES,
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
  return {
    name: STAGE,
    run(doc) {
      return readTimes(doc, rules);
    },
  };
}

function readTimes(doc: AnalyzedDocument, rules: readonly ExtractionRule[]): AnalyzedDocument {
  const { text } = doc;
  const reference = parseIsoDate(doc.meta.published);
  const proposed = refineModifiers(runRules(rules, text), text).sort((a, b) => a.span[0] - b.span[0]);
  const candidates = refineOverlaps(refineWithinSentence(proposed, doc.sentences));
  const resolved: ResolvedTime[] = [];
  let previousValue: string | null = null;
  let previousId: string | null = null;
  for (const c of candidates as Array<TimeCandidate & { sentence: number }>) {
    const sentence = doc.sentences[c.sentence];
    const caption = sentence?.caption ?? false;
    const sentenceStart = sentence?.span[0] ?? 0;
    const sentenceText = sentence?.text ?? text;
    let tense = tenseAt(sentenceText, c.span[0] - sentenceStart);
    // "since July" looks back: the July before publication.
    const before = text.slice(Math.max(0, c.span[0] - 12), c.span[0]).toLowerCase();
    if (/\b(?:since|ago)\s+$/.test(before)) tense = 'past';
    // A deadline or a term looks forward whatever the clause's tense: "extended to Nov. 20", "respond by Oct. 31", "effective Feb. 1".
    else if (tense === 'past' && c.spec.kind === 'calendar' && /\b(?:to|until|till|by|through|effective|record)\s+$/.test(before)) tense = 'present';
    const n = normalise(c.spec, { reference, tense, previousValue });
    const r: ResolvedTime = {
      span: c.span, rule: c.rule, sentence: c.sentence, caption, spec: c.spec, tense,
      type: c.type ?? n.type, value: n.value, ...(c.mod ? { mod: c.mod } : {}), anchor: n.anchor === 'previous' ? { time: previousId! } : n.anchor,
      stated: c.stated, inferred: n.inferred,
    };
    if (c.rangeEnd) {
      const end = normalise(c.rangeEnd, { reference, tense, previousValue });
      resolved.push(n.value && end.value ? { ...r, range: { start: { value: n.value }, end: { value: end.value } } } : r);
    } else {
      resolved.push(r);
    }
    // A caption's date describes a photo: it never anchors the news that follows.
    // Nor does a value derived from the previous one ("a year earlier" after "a year earlier" would drift back a year each time).
    const derived = n.anchor === 'previous' || (c.spec.kind === 'relative' && c.spec.inheritGranularity === true);
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
