import type { TimeBound } from '../../model/index.js';
import type { YMD } from './calendar.js';
import { normalise } from './normalise.js';
import type { ResolvedTime } from './time-stage.js';

/**
 * Refiner: ranges and open ranges. TimeML keeps the signal words out of the
 * extents, so each end stays its own item; both ends learn the range they
 * belong to, and the signal is recorded.
 *
 * - "between late 2024 and June 2025", "from May to July", "June-August 2024":
 *   both ends; a year-less start takes the year of its end ("from May to July 2024").
 * - "since late October": start only, open to publication (`end: null`).
 */
export function refineRanges(items: readonly ResolvedTime[], text: string, reference: YMD | null): ResolvedTime[] {
  const out = [...items];
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if (!a.value || a.type === 'DURATION' || a.type === 'SET') continue;
    const before = text.slice(Math.max(0, a.span[0] - 12), a.span[0]);
    const opener = /\b(between|from)\s+$/i.exec(before);
    const b = out[i + 1];
    if (opener && b && b.value && b.sentence === a.sentence && b.type !== 'DURATION' && b.type !== 'SET') {
      const glue = text.slice(a.span[1], b.span[0]);
      const pairs = opener[1]!.toLowerCase() === 'between' ? /^\s*and\s*$/i : /^\s*(?:to|until|till|through|thru|-|–|—)\s*$/i;
      if (pairs.test(glue)) {
        let start = a;
        // "from May to July 2024": the start takes the end's year.
        const endYear = /^(\d{4})/.exec(b.value)?.[1];
        if (endYear && a.spec.kind === 'calendar' && a.spec.year === undefined && a.spec.yearShift === undefined && a.spec.month !== undefined) {
          const fixed = normalise({ ...a.spec, year: Number(endYear) }, { reference, tense: a.tense });
          start = { ...a, value: fixed.value, anchor: 'none', inferred: [] };
        }
        const range = { start: bound(start), end: bound(b) };
        const signal = { text: opener[1]!, span: [a.span[0] - before.length + opener.index, a.span[0] - before.length + opener.index + opener[1]!.length] as const };
        out[i] = { ...start, range, signal };
        out[i + 1] = { ...b, range, signal };
        i++;
        continue;
      }
    }
    const since = /\b(since)\s+$/i.exec(before);
    if (since) {
      const at = a.span[0] - before.length + since.index;
      out[i] = { ...a, range: { start: bound(a), end: null }, signal: { text: since[1]!, span: [at, at + since[1]!.length] } };
    }
  }
  return out;
}

function bound(r: ResolvedTime): TimeBound {
  return r.mod ? { value: r.value!, mod: r.mod } : { value: r.value! };
}
