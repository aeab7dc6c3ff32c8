import type { ResolvedTime } from './time-stage.js';

const CLOCK_RULES = new Set(['clock-ampm', 'clock-24h', 'oclock', 'noon-midnight']);
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
// "10:35 a.m. (0735 GMT) Friday": a short parenthetical (another zone's time) between them does not part them.
const GLUE = /^(?:\s*,)?\s*(?:\([^()]{1,16}\)\s*,?)?\s*(?:on|at|,)?\s*$/i;

/**
 * Refiner: a clock time next to a day is one point in time — "3 p.m.
 * Friday", "Friday at 3 p.m.", "yesterday, 10 a.m." become one TIME whose
 * date is the day's and whose clock is the time's.
 */
export function refineClockWithDay(items: readonly ResolvedTime[], text: string): ResolvedTime[] {
  const out: ResolvedTime[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1];
    if (b && a.sentence === b.sentence && GLUE.test(text.slice(a.span[1], b.span[0]))) {
      const clock = CLOCK_RULES.has(a.rule) ? a : CLOCK_RULES.has(b.rule) ? b : null;
      const day = clock === a ? b : a;
      if (clock && day !== clock && !CLOCK_RULES.has(day.rule) && day.value && DAY_VALUE.test(day.value) && clock.value) {
        const time = clock.value.slice(clock.value.indexOf('T'));
        out.push({
          ...day,
          span: [a.span[0], b.span[1]],
          rule: `${day.rule}+${clock.rule}`,
          type: 'TIME',
          value: `${day.value}${time}`,
          stated: [...day.stated, ...clock.stated],
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
