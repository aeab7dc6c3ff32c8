import { compile, previousWord, S, type ExtractionRule } from './rule.js';

/**
 * Extractor: times of day — "3:30 p.m.", "10 a.m. EST", "noon", "midnight",
 * "at 14:00". The date comes from the reference, or from a day expression
 * next to it (merged by the refiner `refineClockWithDay`).
 */

const AMPM = String.raw`(?<ampm>a\.?\s*m\.?|p\.?\s*m\.?)(?!\p{L})`;
const ZONE = String.raw`(?:${S}(?:\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|local${S}time)\)?))?`;

function hour24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

export const CLOCK_TIME_RULES: readonly ExtractionRule[] = [
  {
    name: 'clock-ampm',
    pattern: compile(String.raw`(?:(?:about|around|approximately|shortly${S}(?:before|after)|just${S}(?:before|after))${S})?(?<h>1[0-2]|0?[1-9])(?:[:.](?<min>[0-5]\d))?\s*${AMPM}${ZONE}`),
    build: (g) => {
      const hour = hour24(Number(g.h), g.ampm);
      return { spec: { kind: 'clock', hour, minute: g.min ? Number(g.min) : null, dayOffset: 0 }, stated: ['hour', ...(g.min ? ['minute' as const] : [])] };
    },
  },
  {
    name: 'clock-24h',
    pattern: compile(String.raw`(?<h>[01]?\d|2[0-3]):(?<min>[0-5]\d)(?::[0-5]\d)?(?:${S}(?:hours|hrs|h))?${ZONE}`),
    build: (g, text, start) => {
      if (!['at', 'by', 'until', 'till', 'from', 'to', 'around', 'about', 'after', 'before', 'since'].includes(previousWord(text, start)) && !/\b(?:hours|hrs|GMT|UTC)\b/.test(text.slice(start, start + 20))) return null;
      return { spec: { kind: 'clock', hour: Number(g.h), minute: Number(g.min), dayOffset: 0 }, stated: ['hour', 'minute'] };
    },
  },
  {
    name: 'oclock',
    pattern: compile(String.raw`(?<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)${S}o['’]clock(?:${S}${AMPM})?`),
    build: (g) => {
      const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
      const h = /\d/.test(g.h!) ? Number(g.h) : words.indexOf(g.h!.toLowerCase()) + 1;
      return { spec: { kind: 'clock', hour: hour24(h, g.ampm), minute: null, dayOffset: 0 }, stated: ['hour'] };
    },
  },
  {
    name: 'noon-midnight',
    pattern: compile(String.raw`(?<w>noon|midday|midnight)`),
    build: (g) => ({ spec: { kind: 'clock', hour: /night/i.test(g.w!) ? 24 : 12, minute: 0, dayOffset: 0 }, stated: ['hour'] }),
  },
];
