import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';
import { compileContentStance } from './refine-stance-from-content.js';

const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
const read = (text: string) =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: 'Test Outlet', url: null, published: '2025-03-14', language: 'en', source: null }, diagnostics: [] });
const own = (text: string) => read(text).attributions.filter((a) => a.voice === 'source');

test('a neutral cue takes its stance from a rejection or admission in the content', () => {
  const cases: Array<[string, string, string | null]> = [
    // text, stance, rule (null: the cue decided)
    ['“This is simply not true,” the spokesman said.', 'deny', 'content-deny-frame'],
    ['The colonel said the reports were fabricated.', 'deny', 'content-deny-frame'],
    ['A regional official said the fighting for the village continues.', 'deny', 'content-deny'],
    ['The governor said the situation in the district was difficult.', 'acknowledge', 'content-acknowledge'],
    ['The governor said the bridge had been repaired.', 'assert', null],
    ['The governor said the situation in the district was “difficult”.', 'acknowledge', 'content-acknowledge'],
    ['The colonel said the army would release a recording of the radio traffic.', 'promise', 'content-promise'],
    ['The minister said the other side was responsible for the blast at the depot.', 'accuse', 'content-accuse'],
    ['The minister said the report was biased.', 'question', 'content-question'],
    // the cue's own stance is kept: only neutral cues are read from the content
    ['The colonel denied that the reports were accurate.', 'deny', null],
    ['The minister urged residents to ignore fake messages.', 'demand', null],
  ];
  for (const [text, stance, rule] of cases) {
    const [a] = own(text);
    assert.ok(a, text);
    assert.equal(a.stance, stance, text);
    assert.equal(a.stanceFrom?.rule ?? null, rule, text);
    if (a.stanceFrom) assert.equal(a.stanceFrom.text, text.slice(a.stanceFrom.span[0], a.stanceFrom.span[1]));
  }
});

test('a rejection denies its complement; the speaker\'s own claims keep their polarity', () => {
  const doc = read('A Ukrainian military spokesman said it was “wrong” to claim that Russian forces had captured Pokrovsk in the Donetsk region. “Our units still hold the northern part of Pokrovsk,” he added.');
  const captures = doc.claims.filter((c) => c.predicate === 'captured');
  assert.ok(captures.length > 0, doc.claims.map((c) => c.proposition).join('; '));
  assert.deepEqual([...new Set(captures.map((c) => c.polarity))], ['negative'], 'the governed "to claim" is denied, not asserted by the speaker');
  const captured = captures[0]!;
  assert.equal(captured.side, 'UA');
  assert.equal(captured.stance, 'deny');
  const holds = doc.claims.find((c) => c.predicate === 'controls');
  assert.ok(holds, doc.claims.map((c) => c.proposition).join('; '));
  assert.equal(holds.polarity, 'positive');
  assert.equal(holds.args.find((a) => a.role === 'actor')?.key, 'force:UA');
});

test('a sentence that only rejects makes no claim of its own, and a later sentence is asserted', () => {
  const doc = read('“That is a lie. The fighting in Pokrovsk continues,” the spokesman for the Ukrainian army said.');
  const presence = doc.claims.find((c) => c.predicate === 'presence');
  assert.ok(presence, doc.claims.map((c) => c.proposition).join('; '));
  assert.equal(presence.polarity, 'positive');
});

test('the lexicon is validated and every shipped pattern compiles', () => {
  const file = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/cues/content-stance.json', import.meta.url)), 'utf8'));
  const lexicon = compileContentStance(file);
  assert.ok((lexicon.byLanguage.get('en')?.length ?? 0) >= 6, 'a pattern per stance and class');
  assert.throws(() => compileContentStance({ about: 'x', en: { deny: { frame: [''] } } }));
  assert.throws(() => compileContentStance({ en: {} }));
});

test('a statement that only concedes ground is an admission, whatever its neutral cue', () => {
  const doc = read('A spokesman for the Ukrainian army said on Monday that Ukrainian troops had withdrawn from Pokrovsk in the Donetsk region.');
  const [a] = doc.attributions.filter((x) => x.voice === 'source');
  assert.equal(a?.stance, 'acknowledge');
  assert.equal(a?.stanceFrom?.rule, 'claims-admission');
  assert.ok(doc.claims.filter((c) => c.attribution === a!.id && c.predicate === 'withdrew').every((c) => c.stance === 'acknowledge' && c.grade === 'admission'));
  // the same words from the other side are its gain, asserted
  const other = read('A spokesman for the Russian army said on Monday that Ukrainian troops had withdrawn from Pokrovsk in the Donetsk region.');
  assert.equal(other.attributions.find((x) => x.voice === 'source')?.stance, 'assert');
});

test('fighting that goes on near a place or in its suburbs is no denial that it was taken', () => {
  const stanceOf = (text: string): string | undefined => pipeline.read({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: '2025-03-14', language: 'en', source: null }, diagnostics: [] })
    .attributions.find((a) => a.voice === 'source')?.stance;
  assert.equal(stanceOf('A Ukrainian commander said fighting continues in the town.'), 'deny');
  assert.equal(stanceOf('A Ukrainian commander said fighting continues in the suburbs of the town.'), 'assert');
});

test('"continue to hold back" the enemy is no claim to hold a place; "not even aware of any" attack denies it', () => {
  const stanceOf = (text: string): string | undefined => pipeline.read({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: '2025-03-14', language: 'en', source: null }, diagnostics: [] })
    .attributions.find((a) => a.voice === 'source')?.stance;
  assert.equal(stanceOf('The brigade said its troops continue to hold back the enemy groupings.'), 'assert');
  assert.equal(stanceOf('Navy officials said they were not even aware of any attack on the ship.'), 'deny');
  const said = pipeline.read({ id: 'x', text: 'Basem Naim told the broadcaster all indications pointed to Israel\'s responsibility.', meta: { title: null, outlet: null, url: null, published: '2025-03-14', language: 'en', source: null }, diagnostics: [] })
    .attributions.find((a) => a.cue?.text.startsWith('told'));
  assert.equal(said?.stance, 'accuse');
});

test('a defender\'s word that the situation is difficult or the enemy has more men is an admission', () => {
  const stanceOf = (text: string): string | undefined => pipeline.read({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: '2025-03-14', language: 'en', source: null }, diagnostics: [] })
    .attributions.find((a) => a.voice === 'source')?.stance;
  assert.equal(stanceOf('The brigade said the situation in the besieged village is "very difficult."'), 'acknowledge');
  assert.equal(stanceOf('The brigade said its soldiers were outnumbered near the river.'), 'acknowledge');
});
