import { compile, nextWord, S, type ExtractionRule } from './rule.js';

/**
 * Extractor: references to the present, past and future without a date
 * (TimeML 1.2.1 §2.2.1: PRESENT_REF, PAST_REF, FUTURE_REF) — "now",
 * "currently", "at present", "recently", "in the past", "the future", "soon".
 * Not "now-ruined": a hyphenated compound is an adjective, not a time.
 */

export const REFERENCE_RULES: readonly ExtractionRule[] = [
  {
    name: 'present-ref',
    pattern: compile(String.raw`(?:right${S})?now(?![-‐‑][\p{L}])|currently|nowadays|at${S}present|these${S}days|the${S}present(?:${S}time)?|at${S}the${S}moment|current(?![-‐‑][\p{L}])`),
    build: (g, text, start, end) => {
      const word = text.slice(start, end).toLowerCase();
      // "current" as an adjective before a unit is handled by unit-shift ("the current quarter"); before other nouns TimeBank tags it.
      if (word === 'current' && /^(account|accounts|affairs|events|rate|rates|law|laws|system|price|prices|version|level|levels|deficit|contract|leadership)$/.test(nextWord(text, end))) return null;
      return { spec: { kind: 'literal', type: 'DATE', value: 'PRESENT_REF' }, stated: [] };
    },
  },
  {
    name: 'past-ref',
    // Not "previously", "formerly" or the adjective "recent": TimeBank tags them too rarely to be worth the false alarms.
    pattern: compile(String.raw`(?:more${S})?recently|lately|the${S}past|(?:in${S})?recent${S}(?:times|history)`),
    build: (g, text, start, end) => {
      const word = text.slice(start, end).toLowerCase();
      // "the past" before a unit is a duration ("the past week"), handled elsewhere; "recent" before a unit likewise.
      if (/^(the past|recent)$/.test(word) && /^(day|days|week|weeks|month|months|year|years|decade|decades|hours?|quarters?|few|several|two|three|four|five|ten|\d+)$/.test(nextWord(text, end))) return null;
      return { spec: { kind: 'literal', type: 'DATE', value: 'PAST_REF' }, stated: [] };
    },
  },
  {
    name: 'future-ref',
    // "future" alone as an adjective too ("future losses"), as TimeBank tags it; not "soon", mostly untagged.
    pattern: compile(String.raw`the${S}(?:near${S}|foreseeable${S}|distant${S})?future|in${S}future|future(?![-‐‑]\p{L})`),
    build: (g, text, start, end) => {
      const word = text.slice(start, end).toLowerCase();
      if (word === 'future' && /^(tense|perfect)$/.test(nextWord(text, end))) return null;
      return { spec: { kind: 'literal', type: 'DATE', value: 'FUTURE_REF' }, stated: [] };
    },
  },
];
