import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedDocument, Entity } from '../../model/index.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';

// Sentences written for these tests; the people in them are invented unless the dictionary knows them.
let pipeline: Pipeline | null = null;
async function read(text: string): Promise<AnalyzedDocument> {
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  return pipeline.read({ id: 'doc', text, meta: { title: null, outlet: null, url: null, published: '2025-03-01', language: 'en', source: null }, diagnostics: [] });
}

/** The entity a mention with this text names. */
function entityOf(doc: AnalyzedDocument, text: string): Entity {
  const mention = doc.actors.find((a) => a.text === text);
  assert.ok(mention, `no actor "${text}" among ${doc.actors.map((a) => `"${a.text}"`).join(', ')}`);
  return doc.entities.find((e) => e.id === mention.entity)!;
}

test('sides from an apposition: nationality, the body served, an outside observer', async () => {
  const doc = await read([
    'Olena Marchuk, a Ukrainian lawmaker, said the bridge had been destroyed.',
    'Tariq Osman, an adviser to the RSF commander, said the fighters had pulled back.',
    'Pekka Laine, founder of the independent monitor Conflict Intelligence Team, said the village had fallen.',
    'Anna Berg, an independent military analyst, said the front was stable.',
  ].join(' '));
  assert.equal(entityOf(doc, 'Olena Marchuk').side, 'UA');
  assert.equal(entityOf(doc, 'Olena Marchuk').role, 'Ukrainian lawmaker');
  assert.equal(entityOf(doc, 'Tariq Osman').side, 'RSF');
  assert.equal(entityOf(doc, 'Pekka Laine').side, 'THIRD');
  assert.equal(entityOf(doc, 'Anna Berg').side, 'THIRD');
});

test('sides from a title that names a body or a nationality', async () => {
  const doc = await read('The head of the Kharkiv Regional Military Administration Petro Ivanenko said two people were hurt. Ukrainian member of parliament Iryna Bondar said the order was wrong.');
  assert.equal(entityOf(doc, 'Petro Ivanenko').side, 'UA');
  assert.equal(entityOf(doc, 'Iryna Bondar').side, 'UA');
});

test('membership: a spokesperson for a unit, members named after their group, owners and alignments', async () => {
  const doc = await read([
    'A spokesperson for the Khortytsia group said the attack was repelled.',
    'Hamas officials said the talks had stalled.',
    'The Hamas-run interior ministry said the crossing was closed.',
    'Pro-Russian military bloggers said the town was surrounded.',
    'US officials said the drones were shot down over the Red Sea.',
  ].join(' '));
  assert.equal(entityOf(doc, 'A spokesperson for the Khortytsia group').side, 'UA');
  assert.equal(entityOf(doc, 'Hamas officials').side, 'HAMAS');
  assert.equal(entityOf(doc, 'The Hamas-run interior ministry').side, 'HAMAS');
  assert.equal(entityOf(doc, 'Pro-Russian military bloggers').side, 'RU');
});

test('one entity keeps one side across the document', async () => {
  const doc = await read('Commander Ivan Hordiienko said the town held. Later, Ivan Hordiienko, a Ukrainian officer, said supplies were short. Hordiienko added that the road was cut.');
  const sides = doc.actors.filter((a) => a.text.includes('Hordiienko')).map((a) => doc.entities.find((e) => e.id === a.entity)!.side);
  assert.ok(sides.length >= 2);
  assert.deepEqual(new Set(sides), new Set(['UA']));
});

test('a state that does not fight the war reported speaks as a third party; one that fights it keeps its side', async () => {
  const ukraine = await read('US President Donald Trump said Russian forces had surrounded Kupiansk. Ukraine\'s General Staff said the claim was false and that fighting continued in Kharkiv region.');
  assert.equal(entityOf(ukraine, 'Donald Trump').side, 'THIRD');
  assert.equal(entityOf(ukraine, 'Ukraine\'s General Staff').side, 'UA');
  const redSea = await read('US Central Command said its forces shot down four Houthi drones over the Red Sea. The Houthis said they had targeted a US warship off Yemen.');
  assert.equal(entityOf(redSea, 'US Central Command').side, 'US');
  assert.equal(entityOf(redSea, 'Houthis').side, 'HOUTHIS');
});

test('with no known war in the text, national sides stay as they are', async () => {
  const doc = await read('US officials said the budget talks in Washington would resume next week.');
  assert.equal(entityOf(doc, 'US officials').side, 'US');
});

test('an institution named without its state belongs to the state the text is about', async () => {
  const doc = await read('Russian President Vladimir Putin praised the troops on Saturday. Earlier, the Defense Ministry said its units had taken the village. The ministry released a video.');
  const ministry = entityOf(doc, 'the Defense Ministry');
  assert.equal(ministry.name, 'Defense Ministry');
  assert.equal(ministry.side, 'RU');
  assert.equal(ministry.sideInferred, true);
  assert.equal(entityOf(doc, 'The ministry').id, ministry.id);
});

test('state media speak for their state; other media report', async () => {
  const doc = await read('Russian state television showed the flag over the square. Ukrainian media reported that the troops had left.');
  assert.equal(entityOf(doc, 'Russian state television').side, 'RU');
  assert.equal(entityOf(doc, 'Ukrainian media').side, 'MEDIA');
});

test('no person from a time or a place before a comma', async () => {
  const doc = await read('On Tuesday, Israeli officials said the Rafah crossing in Gaza would reopen. In Khan Younis, local residents said two people were hurt.');
  assert.ok(!doc.actors.some((a) => a.text === 'On Tuesday' || a.text === 'In Khan Younis'), doc.actors.map((a) => a.text).join(', '));
  assert.equal(entityOf(doc, 'Israeli officials').side, 'IL');
});

test('titles: abbreviated ranks, a body named before the title, an owner after "of"', async () => {
  const doc = await read([
    'Russian Southern group of forces spokesman Oleg Vasnetsov said the attack failed near Kupiansk.',
    'An official of the Russian-installed administration said the dam near Kherson was damaged.',
    'Brig. Gen. Ihor Melnyk, a Ukrainian army commander, said Russian troops were shelling the bridge.',
  ].join(' '));
  assert.equal(entityOf(doc, 'Oleg Vasnetsov').side, 'RU');
  assert.equal(entityOf(doc, 'An official').side, 'RU');
  assert.equal(entityOf(doc, 'Ihor Melnyk').side, 'UA');
});

test('an apposition is the person\'s role, not a second source', async () => {
  const doc = await read('But Mykola Tkach, a spokesman for the Southern Defense Forces, said the town near Zaporizhzhia was still held.');
  assert.equal(entityOf(doc, 'Mykola Tkach').side, 'UA');
  assert.ok(!doc.actors.some((a) => a.text.startsWith('a spokesman')), doc.actors.map((a) => a.text).join(', '));
});

test('definite descriptions: "the militant group" is the armed group named before; modifiers must fit a ministry', async () => {
  const doc = await read('The Houthis said they fired missiles at a tanker in the Red Sea. The militant group said attacks would go on. Israel\'s Defence Ministry said a drone was downed. The health ministry said two people died.');
  assert.equal(entityOf(doc, 'The militant group').side, 'HOUTHIS');
  assert.ok(!doc.actors.some((a) => a.text === 'The health ministry'), doc.actors.map((a) => a.text).join(', '));
});

test('"the officials" and "one of the officials" are the group of officials named before', async () => {
  const doc = await read('Two US officials said the Houthi claim about the Red Sea attack was false. One of the officials said no ship off Yemen was hit.');
  const group = entityOf(doc, 'Two US officials');
  assert.equal(group.side, 'US');
  assert.equal(entityOf(doc, 'the officials').id, group.id);
});
