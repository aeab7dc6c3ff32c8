import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedDocument, TimeItem } from '../../model/index.js';
import { emptyAnalysis } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { formatDay } from './calendar.js';
import { dateOfHoliday, HOLIDAYS, orthodoxEaster, westernEaster } from './holidays.js';
import { createTimeStage } from './index.js';

const segment = createSegmentStage();
const time = createTimeStage();

function read(text: string, published: string): AnalyzedDocument {
  const doc = emptyAnalysis({
    id: 'test', text, diagnostics: [],
    meta: { title: null, outlet: null, url: null, published, language: 'en', source: null },
  });
  return time.run(segment.run(doc, {}), {});
}
const brief = (t: TimeItem): string => `${t.text}|${t.type}|${t.value}${t.mod ? `|${t.mod}` : ''}`;

test('holidays: each rule kind puts the day in a year (checked against published calendars)', () => {
  const cases: ReadonlyArray<readonly [keyof typeof HOLIDAYS, number, string]> = [
    ['thanksgiving', 1999, '1999-11-25'], // fourth Thursday
    ['thanksgiving', 2025, '2025-11-27'],
    ['election-day', 1998, '1998-11-03'], // Tuesday after the first Monday
    ['election-day', 2020, '2020-11-03'],
    ['election-day', 2022, '2022-11-08'], // 1 November is a Tuesday: not Election Day
    ['memorial-day', 2024, '2024-05-27'], // last Monday
    ['labor-day', 2025, '2025-09-01'],
    ['easter', 2000, '2000-04-23'],
    ['easter', 2024, '2024-03-31'],
    ['good-friday', 2025, '2025-04-18'],
    ['orthodox-easter', 2024, '2024-05-05'],
    ['orthodox-easter', 2025, '2025-04-20'],
    ['orthodox-christmas', 2025, '2025-01-07'],
    ['victory-day', 2025, '2025-05-09'],
    ['eid-al-fitr', 2024, '2024-04-10'], // observed 10 April 2024 in most countries
    ['ramadan-start', 2024, '2024-03-11'], // observed from 11 March 2024 (tabular: ±1 day)
    ['eid-al-adha', 2024, '2024-06-16'],
  ];
  for (const [key, year, want] of cases) {
    const got = formatDay(dateOfHoliday(HOLIDAYS[key].rule, year));
    assert.ok(key.startsWith('eid') || key.startsWith('ramadan') ? Math.abs(Date.parse(got) - Date.parse(want)) <= 86_400_000 : got === want, `${key} ${year}: ${got} vs ${want}`);
  }
  assert.deepEqual(westernEaster(2019), { year: 2019, month: 4, day: 21 });
  assert.deepEqual(orthodoxEaster(2019), { year: 2019, month: 4, day: 28 });
});

test('holidays: named days in text, their year from the reference and the tense', () => {
  const cases: ReadonlyArray<readonly [string, string, string[]]> = [
    ['Elian was found Thanksgiving Day clinging to an inner tube.', '2000-01-07', ['Thanksgiving Day|DATE|1999-11-25']],
    ['He was rescued last Thanksgiving.', '2000-02-10', ['last Thanksgiving|DATE|1999-11-25']],
    ['a theme from now to Election Day.', '1998-10-26', ['now|DATE|PRESENT_REF', 'Election Day|DATE|1998-11-03']],
    ['Protesters prayed as Easter week began.', '2000-04-17', ['Easter week|DATE|2000-W16']],
    ['They will be home by Christmas.', '2025-11-06', ['Christmas|DATE|2025-12-25']],
    ['The shelling continued on New Year\'s Day.', '2025-01-03', ["New Year's Day|DATE|2025-01-01"]],
    ['Parades were held on Victory Day.', '2025-05-12', ['Victory Day|DATE|2025-05-09']],
    ['Ukraine marked its Independence Day with a parade.', '2025-08-25', ['Independence Day|DATE|2025-08-24']],
    ['Believers gathered for Orthodox Christmas.', '2025-01-08', ['Orthodox Christmas|DATE|2025-01-07']],
    ['A truce was agreed for Eid al-Fitr.', '2024-04-15', ['Eid al-Fitr|DATE|2024-04-10|APPROX']],
    ['Strikes continued through Ramadan.', '2024-04-15', ['Ramadan|DATE|2024-03-11|APPROX']],
    ['Christmas 1994 was quiet.', '2025-11-06', ['Christmas 1994|DATE|1994-12-25']],
  ];
  for (const [text, published, want] of cases) assert.deepEqual(read(text, published).times.map(brief), want, text);
});

test('holidays: negative cases — names that are not the day', () => {
  for (const text of [
    'They sailed to Christmas Island.', // a place
    'The election day arrangements were chaotic.', // any election's day, lower case
    'Celebrations for Chinese New Year began.', // another calendar
    'The film Independence Day was shown.', // no country named: the day is unknown
    'a prayer of thanksgiving', // common noun
    'Easter Island statues', // a place
  ]) {
    assert.deepEqual(read(text, '2025-11-06').times.map(brief), [], text);
  }
});
