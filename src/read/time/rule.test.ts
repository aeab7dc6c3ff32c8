import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CALENDAR_DATE_RULES } from './extract-calendar-dates.js';
import { CLOCK_TIME_RULES } from './extract-clock-times.js';
import { DURATION_RULES } from './extract-durations.js';
import { HOLIDAY_RULES } from './extract-holidays.js';
import { REFERENCE_RULES } from './extract-references.js';
import { RELATIVE_DATE_RULES } from './extract-relative-dates.js';
import { SET_RULES } from './extract-sets.js';
import { createLexiconRules } from './create-lexicon-rules.js';
import { compileTimeLexicon } from './time-lexicon.js';
import { matchPrefixes } from './match-prefixes.js';
import { runRules, scanRules } from './rule.js';

const ENGLISH = [...CALENDAR_DATE_RULES, ...HOLIDAY_RULES, ...RELATIVE_DATE_RULES, ...DURATION_RULES, ...CLOCK_TIME_RULES, ...SET_RULES, ...REFERENCE_RULES];
const lexiconRules = (language: string) => createLexiconRules(compileTimeLexicon(JSON.parse(readFileSync(new URL(`../../../data/time/${language}/lexicon.json`, import.meta.url), 'utf8'))));

// Sentences written for this test: typographic quotes and apostrophes, dashes, no-break spaces, Cyrillic
// next to Latin, and the two characters that fold to ASCII case-insensitively ("ſ", the Kelvin sign).
const TEXTS = [
  'On Tuesday, officials said the strike hit at 3 a.m. on 5 November 2024 — two days after the talks.',
  '“Last week’s attack,” he said, “was the third since March.” The ministry’s report came on Monday’s evening.',
  'It lasted 3\u00a0days, from 1–3 May, and again in mid-June; a week later the 1990’s rules were back, and the\u00a0following\u00a0week too.',
  'Over the past two years ‘every month’ brought shelling; «next Friday» is the deadline – or the 14th.',
  'Уночі 5 листопада 2024 року по Харкову вдарили; в среду, 6 ноября, штаб сообщил об этом утром.',
  'The ſunday paper and the \u212Aelvin scale: ſeptember 3rd, 2025 and next \u212Aalends.',
  'Three days ago—on Dec. 25—the ceasefire ended; “Yesterday” and “tomorrow” were quoted words.',
  '',
];

const brief = (c: { span: readonly [number, number]; rule: string }) => `${c.rule}@${c.span[0]}-${c.span[1]}`;
const sorted = (xs: readonly { span: readonly [number, number]; rule: string }[]) => xs.map(brief).sort();

for (const [name, rules] of [['en', ENGLISH], ['ru', lexiconRules('ru')], ['uk', lexiconRules('uk')]] as const) {
  test(`runRules (${name}): the prefix index finds exactly what a scan of the whole text finds`, () => {
    for (const text of TEXTS) {
      const indexed = runRules(rules, text);
      assert.deepEqual(sorted(indexed), sorted(scanRules(rules, text)), text);
    }
    // The texts hold matches: a broken index would not pass by finding nothing on both sides.
    assert.ok(TEXTS.some((text) => runRules(rules, text).length > 0));
  });
}

test('matchPrefixes: a path through a non-ASCII character ends its prefix there; one that starts with one is flagged', () => {
  assert.deepEqual(matchPrefixes('ab\u00e9c'), { prefixes: [], beforeNonAscii: ['ab'], nonAsciiStart: false });
  assert.deepEqual(matchPrefixes('(?:x|\u0439)z'), { prefixes: ['xz'], beforeNonAscii: [], nonAsciiStart: true });
  // "the" then white space: "the " for ASCII space, "the" only where a no-break (non-ASCII) space follows, so "they" is not tried.
  const the = matchPrefixes('the\\s+day')!;
  assert.ok(the.beforeNonAscii.includes('the'));
  assert.ok(the.prefixes.length > 0 && the.prefixes.every((p) => p.startsWith('the ')));
  // "ſ" folds to "s" under the i and u flags: nothing can be listed.
  assert.equal(matchPrefixes('\u017fx'), null);
  assert.equal(matchPrefixes('.x'), null);
});
