import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyzedDocument, TimeItem } from '../../model/index.js';
import { emptyAnalysis } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { createTimeStage } from './index.js';

const segment = createSegmentStage();
const time = createTimeStage();

function read(text: string, published: string | null = '2025-11-06'): AnalyzedDocument {
  let doc = emptyAnalysis({
    id: 'test', text, diagnostics: [],
    meta: { title: null, outlet: null, url: null, published, language: 'en', source: null },
  });
  doc = segment.run(doc, {});
  return time.run(doc, {});
}

const brief = (t: TimeItem): string => `${t.text}|${t.type}|${t.value}${t.mod ? `|${t.mod}` : ''}`;

test('time: the seed article, every expression with its value and nothing else (golden)', () => {
  const path = fileURLToPath(new URL('../../../example/pokrovsk.txt', import.meta.url));
  const doc = read(readFileSync(path, 'utf8'));
  assert.deepEqual(doc.times.map(brief), [
    '6 December 2024|DATE|2024-12-06',
    'Wednesday|DATE|2025-11-05',
    'late October|DATE|2025-10|END',
    'Last week|DATE|2025-W44',
    'Wednesday|DATE|2025-11-05',
    'Wednesday|DATE|2025-11-05',
    'Thursday morning|TIME|2025-11-06TMO',
    'the past day|DURATION|P1D',
    'Wednesday|DATE|2025-11-05',
    'February 2024|DATE|2024-02',
    'late 2024|DATE|2024|END',
    'June 2025|DATE|2025-06',
    'July|DATE|2025-07',
    '21 months ago|DATE|2024-02',
  ]);
  const [caption] = doc.times;
  assert.equal(caption!.caption, true);
  assert.ok(doc.times.slice(1).every((t) => !t.caption));
  assert.ok(doc.diagnostics.some((d) => d.code === 'time.caption-date'));
  const since = doc.times.find((t) => t.text === 'late October')!;
  assert.deepEqual(since.range, { start: { value: '2025-10', mod: 'END' }, end: null });
  assert.equal(since.signal?.text, 'since');
  const late = doc.times.find((t) => t.text === 'late 2024')!;
  assert.deepEqual(late.range, { start: { value: '2024', mod: 'END' }, end: { value: '2025-06' } });
  const july = doc.times.find((t) => t.text === 'July')!;
  assert.deepEqual(july.range, { start: { value: '2025-07' }, end: null });
  for (const t of doc.times) {
    assert.equal(t.text, doc.text.slice(t.span[0], t.span[1]));
    assert.equal(t.id, `time:${t.span[0]}-${t.span[1]}`);
    assert.equal(t.origin.stage, 'time');
  }
  assert.ok(!doc.times.some((t) => t.text.toLowerCase().includes('now')));
});

test('time: news conventions against the publication date (2025-11-06, a Thursday)', () => {
  const cases: Array<[string, string | null]> = [
    ['The army said on Monday that it had withdrawn.', 'Monday|DATE|2025-11-03'],
    ['Talks will resume on Monday.', 'Monday|DATE|2025-11-10'],
    ['Shelling continued overnight.', 'overnight|TIME|2025-11-06TNI'],
    ['Troops rested at the weekend.', 'the weekend|DATE|2025-W44-WE'],
    ['It repelled 40 attacks over the past 24 hours.', 'the past 24 hours|DURATION|PT24H'],
    ['Fighting slowed in mid-October.', 'mid-October|DATE|2025-10|MID'],
    ['The town fell on 12 December, officials said.', '12 December|DATE|2024-12-12'],
    ['Elections are due on 12 December.', '12 December|DATE|2025-12-12'],
    ['The deadline was extended to 20 November.', '20 November|DATE|2025-11-20'],
    ['The company expects to report third-quarter results soon.', 'third-quarter|DATE|2025-Q3'],
    ['The summit will be held in early March.', 'early March|DATE|2026-03|START'],
    ['Officials said the offer will expire on 2 October.', '2 October|DATE|2025-10-02'],
    ['Prices rose in the third quarter.', 'the third quarter|DATE|2025-Q3'],
    ['Sales rose this year.', 'this year|DATE|2025'],
    ['Output fell in the past three years.', 'the past three years|DURATION|P3Y'],
    ['He recently moved.', 'recently|DATE|PAST_REF'],
    ['They are now in control.', 'now|DATE|PRESENT_REF'],
    ['Inflation peaked in the 1990s.', 'the 1990s|DATE|199'],
    ['Reports arrive daily.', 'daily|SET|P1D'],
    ['The army struck at 3:30 p.m. on Tuesday.', '3:30 p.m. on Tuesday|TIME|2025-11-04T15:30'],
    ['Profit rose in fiscal 1998.', 'fiscal 1998|DATE|1998'],
    ['It happened this summer.', 'this summer|DATE|2025-SU'],
    ['It was built 21 months ago.', '21 months ago|DATE|2024-02'],
    ['Yesterday the mayor resigned.', 'Yesterday|DATE|2025-11-05'],
    ['They lived in camps for 2 1/2 years.', '2 1/2 years|DURATION|P2Y6M'],
    ['The talks lasted two and a half hours.', 'two and a half hours|DURATION|PT2H30M'],
    ['Prices were lower in the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four|DATE|1994-WI'],
    ['He promised jobs by the year two thousand.', 'the year two thousand|DATE|2000'],
    ['The index closed at 2082.1 points.', null],
    // Extent: a possessive ending is left out; a determiner before a hyphenated adjective belongs to the noun.
    ["Friday's session was calm.", 'Friday|DATE|2025-10-31'],
    ["Last year's results were restated.", 'Last year|DATE|2024'],
    ['It posted a third-quarter loss.', 'third-quarter|DATE|2025-Q3'],
    ['Its fourth quarter was weak.', 'fourth quarter|DATE|2025-Q4'],
    ['Net rose 5% in the nine months.', 'the nine months|DURATION|P9M'],
    ['Profit fell in the last half of 1989.', 'the last half of 1989|DATE|1989-H2'],
    // News: "N units later/before" is the amount of time (TimeBank), "later" a signal outside the extent.
    ['Three days later, the index recovered.', 'Three days|DURATION|P3D'],
    ['A day earlier, trucks had crossed.', 'A day earlier|DURATION|P1D'],
    ['A few days later, it announced cuts.', 'A few days|DURATION|PXD'],
    // A stated weekday picks the year: 27 October 2025 is a Monday, 2024's is a Sunday.
    ['The paper said in an editorial on Sunday, Oct. 27: enough.', 'Sunday, Oct. 27|DATE|2024-10-27'],
    ['A hearing is set for the week of March 6.', 'the week of March 6|DATE|2026-W10'],
    ['Keating was convicted in nineteen ninety-one.', 'nineteen ninety-one|DATE|1991'],
    ["The company's 1989 results were weak.", '1989|DATE|1989'],
    // A deadline on a weekday looks forward, past perfect aside.
    ['They extended the deadline until 9 a.m. Tuesday.', '9 a.m. Tuesday|TIME|2025-11-11T09:00'],
    ['Until Tuesday, they had not called him.', 'Tuesday|DATE|2025-11-04'],
    ['The blast occurred at 10:35 a.m. (0735 GMT) Friday.', '10:35 a.m. (0735 GMT) Friday|TIME|2025-10-31T10:35'],
    // "United" is a name, not a past form: the clause is future.
    ['He would be traveling to the United States Thursday.', 'Thursday|DATE|2025-11-06'],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(read(text).times.map(brief), expected === null ? [] : [expected], text);
  }
});

test('time: the night of 3-4 November is one range', () => {
  const [t] = read('Drones struck on the night of 3-4 November.').times;
  assert.equal(t!.text, 'the night of 3-4 November');
  assert.deepEqual(t!.range, { start: { value: '2025-11-03TNI' }, end: { value: '2025-11-04TNI' } });
});

test('time: "the 1988 quarter" is the quarter under discussion, in 1988', () => {
  const values = read('Net rose in the third quarter of 1989. In the 1988 quarter, it lost money.').times.map(brief);
  assert.deepEqual(values, ['the third quarter of 1989|DATE|1989-Q3', 'the 1988 quarter|DATE|1988-Q3']);
  assert.deepEqual(read('The 1988 quarter was weak.').times.map(brief), ['The 1988 quarter|DATE|1988']);
});

test('time: a bare clock time is on the day last named', () => {
  const values = read('Slepian was shot on Oct. 23 in his kitchen. He died at 10 p.m. at a hospital.').times.map(brief);
  assert.deepEqual(values, ['Oct. 23|DATE|2025-10-23', '10 p.m.|TIME|2025-10-23T22:00']);
  assert.deepEqual(read('The vote closed at 10 p.m.').times.map(brief), ['10 p.m|TIME|2025-11-06T22:00']);
});

test('time: not dates (negative cases)', () => {
  for (const text of [
    'He counted nineteen twenty-five sheep.',
    'The now-ruined city has long served as a hub.',
    'Officials may march on the capital.',
    'Troops will march south; it may rain.',
    'He said 2000 troops were deployed.',
    'A 6-year-old boy was rescued.',
    'The Sunday Times reported it.',
  ]) {
    assert.deepEqual(read(text).times.map(brief), [], text);
  }
});

test('time: no publication date: relative expressions unresolved with one warning, absolute ones resolved', () => {
  const doc = read('On Wednesday the ministry said fighting began in February 2024 and intensified last week.', null);
  assert.deepEqual(doc.times.map(brief), ['Wednesday|DATE|null', 'February 2024|DATE|2024-02', 'last week|DATE|null']);
  assert.equal(doc.diagnostics.filter((d) => d.code === 'time.no-publication-date').length, 1);
});

test('time: deterministic output', () => {
  const text = 'Last week, on Wednesday, and since July.';
  assert.deepEqual(read(text), read(text));
});

test('time: a narrative (many years, long before publication) reads year-less dates in the narrative year; news does not', () => {
  const history = [
    'The war began in 1914 and the front froze by 1915.',
    'In 1916 and 1917 the armies bled; the United States joined in 1917.',
    'The offensive of 1918 failed.',
    'On 15 July the last German attack began, and the next day it stalled.',
    'Peace came in 1919; the treaty was ratified in 1920 and revised in 1921.',
  ].join(' ');
  const values = Object.fromEntries(read(history).times.map((t) => [t.text, t.value]));
  assert.equal(values['15 July'], '1918-07-15');
  assert.equal(values['the next day'], '1918-07-16');
  // A news report recalling two years of background keeps its dates near publication.
  const news = read('The alliance was founded in 1949 and grew in 1952. On 15 July the talks stalled.');
  assert.equal(news.times.find((t) => t.text === '15 July')?.value, '2025-07-15');
  // In a narrative "N units later" counts from the last date told, and keeps "later".
  const later = read(`${history} On 8 August 1918 the Allies attacked. Two days later the line broke.`).times.find((t) => t.text === 'Two days later');
  assert.equal(later?.value, '1918-08-10');
});

test('time: quarterly results — the quarter under discussion, a year back; approximate "or so ago"', () => {
  const cases: ReadonlyArray<readonly [string, string, string[]]> = [
    ['Net rose in the fiscal first quarter. Sales in the quarter were flat.', '1989-10-26', ['the fiscal first quarter|DATE|1989-Q1', 'the quarter|DATE|1989-Q1']],
    ['Sales in the quarter were flat.', '1989-10-26', ['the quarter|DATE|1989-Q3']], // none named: the one before the reference's
    ['Net rose in the third quarter. For the quarter a year ago, it earned $16 million.', '1989-10-26', ['the third quarter|DATE|1989-Q3', 'the quarter a year ago|DATE|1988-Q3']],
    ['Net rose in the third quarter. Sales for last year\'s quarter were $3 million.', '1989-11-01', ['the third quarter|DATE|1989-Q3', "last year's quarter|DATE|1988-Q3"]],
    ['Net rose in the second quarter, from $1 million in the comparable year-ago quarter.', '1989-10-27', ['the second quarter|DATE|1989-Q2', 'the comparable year-ago quarter|DATE|1988-Q2']],
    ['The year-ago results included a charge.', '1989-11-02', ['year-ago|DATE|1988']], // the determiner is the noun's
    ['In the year-earlier third quarter, it lost money.', '1989-10-27', ['the year-earlier third quarter|DATE|1988-Q3']],
    ['Then, a week or so ago, the general picked a date.', '1991-02-25', ['a week or so ago|DATE|1991-W08|APPROX']],
    ['More recently it has followed the militias.', '1998-03-03', ['More recently|DATE|PAST_REF']],
  ];
  for (const [text, published, want] of cases) assert.deepEqual(read(text, published).times.map(brief), want, text);
  // Negative: "quarter-to-quarter" is a comparison, not a quarter.
  assert.deepEqual(read('The quarter-to-quarter comparison was enhanced.', '1989-11-01').times.map(brief), []);
});

test('time: irregular past forms, passive participles and deadlines in year-less dates', () => {
  const cases: ReadonlyArray<readonly [string, string, string[]]> = [
    ['In January, the company brought in a new chief.', '1989-10-27', ['January|DATE|1989-01']], // irregular past
    ['The case is heard in May in the appeals court.', '2000-03-29', ['May|DATE|2000-05']], // participle: "is" decides
    ['Meissner gave no reason for the Jan. 14 deadline.', '2000-01-05', ['Jan. 14|DATE|2000-01-14']], // a deadline: no tense
    ['The talks collapsed in November.', '2025-11-06', ['November|DATE|2025-11']], // negative: past stays out of the future
  ];
  for (const [text, published, want] of cases) assert.deepEqual(read(text, published).times.map(brief), want, text);
});
