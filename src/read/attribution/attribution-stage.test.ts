import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';

const resources = await loadResources();
const pipeline = createPipeline({ ...resources, places: undefined });
const read = (text: string, published = '2025-11-06') =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: 'Test Outlet', url: null, published, language: 'en', source: null }, diagnostics: [] });
const own = (text: string) => read(text).attributions.filter((a) => a.voice === 'source');

test('the frames reporters use', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // text, source, cue, stance, content
    ['Peskov said that the troops had left.', 'Peskov', 'said', 'assert', 'that the troops had left'],
    ['The troops had left, the ministry said.', 'the ministry', 'said', 'assert', 'The troops had left'],
    ['“We will hold,” said Zelensky.', 'Zelensky', 'said', 'assert', '“We will hold,”'],
    ['According to officials, the bridge was destroyed.', 'officials', 'according to', 'assert', 'the bridge was destroyed'],
    ['The bridge was destroyed, according to local officials.', 'local officials', 'according to', 'assert', 'The bridge was destroyed'],
    ['Lavrov denied that Moscow had targeted civilians.', 'Lavrov', 'denied', 'deny', 'that Moscow had targeted civilians'],
    ['Zelensky told reporters that the line was holding.', 'Zelensky', 'told', 'assert', 'that the line was holding'],
    ['Kyiv accused Moscow of shelling the plant.', 'Kyiv', 'accused', 'accuse', 'Moscow of shelling the plant'],
    // the verb group is the cue: auxiliaries, negation, adverbs, and the medium after the verb (PolNeAR's convention)
    ['Peskov has also said that the troops had left.', 'Peskov', 'has also said', 'assert', 'that the troops had left'],
    ['The ministry said in a statement that the troops had left.', 'The ministry', 'said in a statement', 'assert', 'that the troops had left'],
    ['The troops had left, Peskov said Tuesday.', 'Peskov', 'said tuesday', 'assert', 'The troops had left'],
    // a quotation before a longer source and a tail: the quotation is the content, not the tail
    ['“The bridge is intact,” a spokesman for the regional administration said on Monday.', 'a spokesman for the regional administration', 'said', 'assert', '“The bridge is intact,”'],
    ['“The bridge is intact,” he told reporters on Friday.', 'he', 'told', 'assert', '“The bridge is intact,”'],
    // straight quotes, as wire copy often has them, read like typographic ones
    ['"The bridge is intact," one of the officials said, speaking on condition of anonymity.', 'one of the officials', 'said', 'assert', '"The bridge is intact,"'],
    // a time after the cue, then a participle clause: the content is before the source
    ['Many people died in the strike, local officials said Tuesday, prompting outrage.', 'local officials', 'said tuesday', 'assert', 'Many people died in the strike'],
    // a sentence adverb before the source, a quotation after the cue's comma: the quotation is the content
    ['Meanwhile, spokesman Ali Hassan said in a statement, “The fight for the bridge is not finished.”', 'spokesman Ali Hassan', 'said in a statement', 'assert', '“The fight for the bridge is not finished.”'],
    // one capitalised word after the cue, then the end: where it was said, not the content
    ['"Our view is that the army did not do it," spokeswoman Jane Doe wrote X.', 'spokeswoman Jane Doe', 'wrote', 'assert', '"Our view is that the army did not do it,"'],
    // a coordinated source with a participle modifier, named after the content
    ['The enemy has cut our supply lines, a soldier and a medic deployed in the region told the Kyiv Post.', 'a soldier and a medic deployed in the region', 'told', 'assert', 'The enemy has cut our supply lines'],
    // the passive of a report pointing back to the sentence before
    ['The bridge was destroyed overnight. This was reported by the regional governor.', 'the regional governor', 'was reported', 'assert', 'The bridge was destroyed overnight'],
    ['Russia said it took the town. That was denied by the Ukrainian army.', 'the Ukrainian army', 'was denied', 'deny', 'Russia said it took the town'],
    // "told" is never inverted: after an appositive source, the words after it are the addressee
    ['"The bridge still stands," Ivan Petrenko, a spokesman for the brigade, told local radio.', 'Ivan Petrenko, a spokesman for the brigade,', 'told', 'assert', '"The bridge still stands,"'],
    // an order set as a goal
    ['The president set the goal to drive the enemy out of the region.', 'The president', 'set the goal to', 'demand', 'drive the enemy out of the region'],
  ];
  for (const [text, source, cue, stance, content] of cases) {
    const [a] = own(text);
    assert.ok(a, text);
    assert.equal(a.source?.text, source, text);
    assert.equal(a.cue?.text.toLowerCase(), cue, text);
    assert.equal(a.stance, stance, text);
    assert.equal(a.content.text, content, text);
    assert.equal(a.content.text, text.slice(...a.content.span));
  }
});

test('a quotation going on after its cue is more of the same content', () => {
  const [a, ...rest] = own('“We will hold,” Zelensky said. “The line is stable. Nobody is leaving.”\n\nThe bridge was destroyed.');
  assert.equal(a?.content.text, '“We will hold,”');
  assert.deepEqual(a?.contentParts?.map((p) => p.text), ['“The line is stable. Nobody is leaving.”']);
  assert.deepEqual(rest, []);
  const [b] = own('“We will hold,” Zelensky said, “whatever it takes.”');
  assert.deepEqual(b?.contentParts?.map((p) => p.text), ['“whatever it takes.”']);
  // a quotation with a cue of its own is its own attribution
  const [c, d] = own('“We will hold,” Zelensky said. “The line is stable,” he added.');
  assert.equal(c?.contentParts, undefined);
  assert.equal(d?.cue?.text, 'added');
});

test('a content opening with "In addition," goes on the sentence before it', () => {
  const [a] = own('The town\'s defence will collapse soon. In addition, our troops will gain room to advance, the minister said.');
  assert.equal(a?.content.text, 'In addition, our troops will gain room to advance');
  assert.deepEqual(a?.contentParts?.map((p) => p.text), ['The town\'s defence will collapse soon.']);
  // without the additive word, the sentence before is the reporter's
  const [b] = own('The town\'s defence will collapse soon. Our troops will gain room to advance, the minister said.');
  assert.equal(b?.contentParts, undefined);
});

test('text with no attribution yields only the reporter voice', () => {
  for (const text of ['The bridge was destroyed overnight.', 'The state of the United States economy is strong.', 'AFU troops are thought to be outnumbered.']) {
    assert.deepEqual(own(text), [], text);
    assert.equal(read(text).attributions[0]?.voice, 'reporter');
  }
});

test('seed: who said what in the Pokrovsk article', () => {
  const text = readFileSync(new URL('../../../../shared/seed/pokrovsk.txt', import.meta.url), 'utf8');
  const doc = read(text);
  const entity = (id: string | null) => doc.entities.find((e) => e.id === id);
  const find = (cue: string, from = 0) => doc.attributions.find((a) => a.cue?.text === cue && a.span[1] > from)!;
  const demand = find('called on');
  assert.equal(entity(demand.speaker)?.key, 'ru-mod');
  assert.equal(demand.stance, 'demand');
  assert.equal(demand.side, 'RU');
  const said = find('said');
  const adding = find('adding');
  assert.equal(said.speaker, 'entity:ru-mod');
  assert.equal(adding.speaker, 'entity:ru-mod');
  assert.match(adding.content.text, /^that Russian shelling/);
  const ack = find('acknowledged');
  const deny = find('denied');
  const claims = find('claims');
  assert.equal(entity(ack.speaker)?.key, 'syrskyi');
  assert.equal(ack.stance, 'acknowledge');
  assert.equal(deny.speaker, ack.speaker);
  assert.equal(deny.stance, 'deny');
  assert.equal(claims.nestedIn, deny.id);
  assert.equal(claims.side, 'RU');
  assert.equal(claims.content.text, 'that they had been encircled');
  const accused = find('accused');
  const noting = find('noting');
  assert.equal(entity(accused.speaker)?.key, 'peskov');
  assert.equal(entity(accused.speaker)?.role, 'Kremlin spokesperson');
  assert.equal(accused.stance, 'accuse');
  assert.equal(noting.speaker, accused.speaker);
  assert.match(noting.content.text, /11,000 troops/);
  const showed = find('showed');
  assert.equal(showed.stance, 'evidence');
  assert.equal(entity(showed.speaker)?.kind, 'evidence');
  const staff = doc.attributions.filter((a) => a.speaker === 'entity:afu-general-staff');
  assert.deepEqual(staff.map((a) => a.cue?.text), ['said', 'added']);
  assert.equal(staff[0]!.side, 'UA');
  assert.equal(staff[1]!.origin.rule, 'backward');
  const telling = find('telling');
  assert.equal(telling.source?.text, 'one platoon commander');
  // an unnamed soldier speaks for the forces the sentence is about (AFU troops): inferred, and marked so
  assert.equal(telling.side, 'UA');
  assert.equal(entity(telling.speaker)?.sideInferred, true);
  assert.equal(telling.content.text, 'that Russian forces were “infiltrating virtually the entire city”');
  assert.ok(doc.attributions.some((a) => a.voice === 'reporter' && a.content.text.startsWith('Both sides have issued')));
  // no statements made up from words that report nothing: a participle inside a report, a modifier, a passive hedge
  for (const cue of ['suffering', 'shared', 'are thought']) assert.ok(!doc.attributions.some((a) => a.cue?.text === cue), cue);
  const q = (t: string) => doc.quantities.find((x) => x.text === t);
  assert.deepEqual([q('an additional 11,000 troops')?.value, q('an additional 11,000 troops')?.modifiers], [11000, ['additional']]);
  assert.equal(q('100 Russian attacks')?.unit, 'attacks');
  assert.deepEqual(q('around 60,000 people')?.modifiers, ['approximate']);
  assert.equal(q('significant losses')?.value, null);
});

test('"attacked" reports speech between speakers, not an armed force attacking', () => {
  const verbal = own('Senator Lindsey Graham attacked the administration over the deal on Tuesday.');
  assert.equal(verbal.length, 1);
  assert.equal(verbal[0]!.cue?.text, 'attacked');
  assert.equal(verbal[0]!.stance, 'accuse');
  for (const text of ['Ukrainian forces attacked Russian positions near the river on Monday.', 'Russian troops attacked the village overnight.']) {
    assert.deepEqual(own(text).map((a) => a.cue?.text), [], text);
  }
  // The act of force stays the reporter's claim: the claims stage reads it as attacked(...).
  const full = createPipeline(resources).read({ id: 'y', text: 'Ukrainian forces attacked Russian positions near Pokrovsk on Monday.', meta: { title: null, outlet: 'Test Outlet', url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] });
  assert.ok(full.claims.some((c) => c.predicate === 'attacked' && c.voice === 'reporter'), JSON.stringify(full.claims.map((c) => c.proposition)));
});

test('a subject across a progressive auxiliary, a manner adverb or a parenthetical ("The army, for its part, said")', () => {
  const sourceOf = (text: string, cue: string): string | undefined =>
    read(text).attributions.find((a) => a.cue?.text.includes(cue))?.source?.text;
  assert.match(sourceOf('Navy officials are firmly denying any attack on the convoy.', 'denying') ?? '', /^Navy officials/);
  assert.equal(sourceOf('The army, for its part, said the depot was hit by a stray shell.', 'said'), 'The army');
  assert.equal(sourceOf('The ministry, in a statement, said the convoy had turned back.', 'said'), 'The ministry');
  // a word in -ly that ends a noun phrase stays in it
  assert.match(sourceOf('A close ally of the governor said the bridge was closed.', 'said') ?? '', /ally/);
});
