import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, formatWeek, isoWeekday, parseIsoDate } from './calendar.js';

test('calendar: ISO weeks, weekdays, month arithmetic', () => {
  const pub = parseIsoDate('2025-11-06')!;
  assert.equal(isoWeekday(pub), 4);
  assert.equal(formatWeek(pub), '2025-W45');
  assert.equal(formatWeek(addDays(pub, -7)), '2025-W44');
  assert.equal(formatWeek({ year: 2021, month: 1, day: 3 }), '2020-W53');
  assert.deepEqual(addMonths(pub, -21), { year: 2024, month: 2, day: 6 });
  assert.deepEqual(addMonths({ year: 2024, month: 3, day: 31 }, -1), { year: 2024, month: 2, day: 29 });
  assert.deepEqual(parseIsoDate('1998-11-20T19:30'), { year: 1998, month: 11, day: 20 });
  assert.equal(parseIsoDate('2025-02-30'), null);
  assert.equal(parseIsoDate(null), null);
});
