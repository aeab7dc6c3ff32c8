import { AMOUNT_RE, parseAmount, parseUnit, UNIT_RE } from './lexicon.js';
import { compile, modOf, previousWord, S, type ExtractionRule } from './rule.js';

/**
 * Extractor: amounts of time — "three years", "the past two months", "in the
 * past day" (P1D), "over the past 24 hours" (PT24H), "a two-year contract",
 * "the first nine months", "recent weeks" (PXW), "for years" (PXY).
 */

// "the nine months ended Sept. 30", "the two years since": a bare "the" before a number belongs to the duration
// (TimeBank tags "the nine months"); not before "a"/"an" ("the a" does not occur) nor indefinite words.
const LOOKING = String.raw`(?:the${S})?(?:first|last|past|next|previous|coming|final|following|preceding|latest|initial|remaining|same|ensuing|other)|the(?=${S}(?:\d+(?:[.,]\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)(?![\p{L}\d])|${S}(?:twenty|thirty|forty|fifty)-)`;

export const DURATION_RULES: readonly ExtractionRule[] = [
  {
    name: 'amount-unit',
    pattern: compile(String.raw`(?:(?<look>${LOOKING})${S})?(?<amount>${AMOUNT_RE})(?<half1>${S}and${S}a${S}half)?(?:${S}|-)(?:(?:more|additional|full|straight|consecutive|long)${S})?(?<unit>${UNIT_RE})(?<half2>${S}and${S}a${S}half)?(?:${S}(?:or${S}so|long|old))?`),
    build: (g, text, start, end) => {
      // "two and a half years", "a minute and a half".
      const parsed = parseAmount(g.amount!);
      const amount = parsed !== null && (g.half1 || g.half2) ? parsed + 0.5 : parsed;
      const unitRaw = g.unit!.toLowerCase();
      const unit = parseUnit(unitRaw);
      const amountRaw = g.amount!.toLowerCase();
      // "a day" inside "twice a day" is a frequency; "one day" alone is "some day".
      if ((amountRaw === 'a' || amountRaw === 'an') && /^(?:twice|once|times|\$|per)$/.test(previousWord(text, start))) return null;
      if (amountRaw === 'one' && unitRaw === 'day' && !g.look && !g.pre) return null;
      // "the 1988 quarter": a year before a singular unit names a period, not 1988 quarters.
      if (/^(?:1[5-9]|20)\d\d$/.test(amountRaw) && !/s$/.test(unitRaw)) return null;
      // Ages are not times: "a 6-year-old boy", "52 years old", "a 44-year-old".
      if (/^[-‐\s]+old\b/.test(text.slice(end, end + 6)) || /\bold$/i.test(text.slice(start, end))) return null;
      // "second" after a number is an ordinal elsewhere ("the second"), never here; "2 seconds" is fine.
      if (/^\d/.test(amountRaw) && /^,\d/.test(text.slice(end, end + 2))) return null;
      if (amount !== null && amount > 1 && !/s$/.test(unitRaw) && !text.slice(start, end).includes('-') && !/century/.test(unitRaw)) {
        // "three year" without a hyphen or plural: "three year-old", still a duration.
      }
      return { spec: { kind: 'duration', amount, unit }, mod: modOf(g.pre), stated: ['quantity', 'unit'] };
    },
  },
  {
    name: 'the-past-unit',
    // "the past day", "the last week", "the next year", "the past 24 hours" has its own amount above.
    pattern: compile(String.raw`the${S}(?:past|last|next|coming|previous|preceding)${S}(?<unit>day|week|month|year|decade|century|hour|minute|quarter|fortnight)`),
    build: (g) => ({ spec: { kind: 'duration', amount: 1, unit: parseUnit(g.unit!) }, mod: modOf(g.pre), stated: ['unit'] }),
  },
  {
    name: 'recent-units',
    pattern: compile(String.raw`(?:(?:the${S})?(?:recent|past|last|coming|next|previous)${S}(?:few${S})?|(?:the${S})?(?:last|past|next|coming)${S}(?:several|many|few)${S})(?<unit>days|weeks|months|years|decades|hours|quarters)`),
    // "in recent years", "the past few months", "coming quarters": an unknown amount (PXY), as HeidelTime writes it.
    // Not PAST_REF/FUTURE_REF: TimeBank is split evenly between the two (8 to 8 in TBAQ), so the measured reading stays.
    build: (g) => ({ spec: { kind: 'duration', amount: null, unit: parseUnit(g.unit!) }, stated: ['unit'] }),
  },
  {
    name: 'bare-plural-unit',
    // "for years", "in weeks", "within hours": an unknown amount.
    pattern: compile(String.raw`(?<unit>minutes|hours|days|weeks|months|years|decades)`),
    build: (g, text, start) => {
      if (!['for', 'in', 'within', 'after', 'over', 'than', 'took', 'take', 'takes', 'lasted', 'last', 'spent'].includes(previousWord(text, start))) return null;
      if (/^\s+(?:of|ago|later|earlier|before|after)\b/.test(text.slice(start + g.unit!.length, start + g.unit!.length + 10))) return null;
      return { spec: { kind: 'duration', amount: null, unit: parseUnit(g.unit!) }, stated: ['unit'] };
    },
  },
];
