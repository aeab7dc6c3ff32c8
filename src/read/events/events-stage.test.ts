import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sourceDocument } from '../../ingest/index.js';
import { emptyAnalysis, type AnalyzedDocument, type Event } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { loadResources } from '../load-resources.js';
import { createPipeline } from '../pipeline.js';
import { createEventsStage, parseEventLexicon, verbForms } from './index.js';

const data = (name: string): string => readFileSync(new URL(`../../../data/events/${name}`, import.meta.url), 'utf8');
const lexicon = parseEventLexicon(data('triggers.tsv'), JSON.parse(data('actor-words.json')));
const segment = createSegmentStage();
const events = createEventsStage({ lexicon });

/** Segment + events only: the stage must work without the actors, places and quantities stages. */
function read(text: string): { doc: AnalyzedDocument; main: Event | undefined } {
  const doc = events.run(segment.run(emptyAnalysis(sourceDocument(text)), {}), {});
  for (const e of doc.events) assert.equal(e.text, text.slice(e.span[0], e.span[1]));
  return { doc, main: doc.events.find((e) => e.main) };
}

const words = (doc: AnalyzedDocument, span: readonly [number, number] | null): string | null => (span ? doc.text.slice(span[0], span[1]) : null);

// [sentence, type of the main event, modality, source, target]
const cases: Array<[string, string, string, string | null, string | null]> = [
  ['Russian troops attacked the village of Kupiansk on Monday.', 'FIGHT', 'asserted', 'Russian troops', 'Kupiansk'],
  ['Gunmen attacked a bus near the border.', 'ASSAULT', 'asserted', 'Gunmen', null],
  ['The ceasefire held after 12 days of battles with the militia.', 'RETREAT', 'asserted', null, null],
  ['Ukrainian forces shelled Russian positions near Bakhmut.', 'FIGHT', 'asserted', 'Ukrainian forces', 'Russian'],
  ['The Kremlin accused Kyiv of sabotage.', 'ACCUSE', 'asserted', 'Kremlin', 'Kyiv'],
  ['Kyiv denied the report.', 'REJECT', 'asserted', 'Kyiv', null],
  ['The ministry called on the garrison to surrender.', 'DEMAND', 'asserted', null, null],
  ['Moscow deployed 11,000 troops to the region.', 'MOBILIZE', 'asserted', 'Moscow', null],
  ['Turkey will allow refugees to return home.', 'AGREE', 'intended', 'Turkey', null],
  ['The farmers said they would blockade Paris.', 'THREATEN', 'intended', null, 'Paris'],
  ['Russia said Sudan must return the helicopter.', 'DEMAND', 'required', 'Sudan', null],
  ['The United States would not meet the demands of the hostage-takers.', 'REJECT', 'negated', 'United States', null],
  ['The convoy was attacked by rebels near the border.', 'ASSAULT', 'asserted', 'rebels', null],
  ['A French minister has cancelled a planned visit to Haiti.', 'SANCTION', 'asserted', 'French minister', 'Haiti'],
  ['The army lifted the curfew in the city.', 'CONCEDE', 'asserted', 'army', null],
  ['The union called off the protest on Monday.', 'CONCEDE', 'asserted', 'union', null],
  ['Police arrested 52 protesters in Lagos.', 'COERCE', 'asserted', 'Police', 'protesters'],
];
for (const [text, type, modality, source, target] of cases) {
  test(`events: ${text}`, () => {
    const { doc, main } = read(text);
    assert.ok(main, 'a main event');
    assert.equal(main.type, type);
    assert.equal(main.modality, modality);
    if (source !== null) assert.equal(words(doc, main.actorSpan), source);
    if (target !== null) assert.equal(words(doc, main.recipientSpan), target);
  });
}

test('events: the size of a noun trigger and of a verb\'s object', () => {
  assert.equal(read('The General Staff said its troops had repelled 100 Russian attacks.').main?.sizeValue, 100);
  assert.equal(read('Moscow had deployed an additional 11,000 troops.').main?.sizeValue, 11000);
});

const nothing = [
  'A sign at the entrance to the city, 6 December 2024. Photo: EPA / Maria Senovilla',
  'The city has a pre-war population of around 60,000 people.',
  'Hostilities began in the Separate Assault Regiment museum.'.replace('Hostilities began in', 'It is'),
  'The weather was cold and the streets were empty.',
];
for (const text of nothing) {
  test(`events: nothing in "${text}"`, () => assert.deepEqual(read(text).doc.events, []));
}

test('events: deterministic, and ids from kind and span', () => {
  const text = 'Russian troops attacked the village. Kyiv denied it.';
  assert.deepEqual(read(text).doc.events, read(text).doc.events);
  for (const e of read(text).doc.events) assert.equal(e.id, `event:${e.span[0]}-${e.span[1]}`);
});

test('verbForms: regular English morphology', () => {
  assert.deepEqual(verbForms('attack'), ['attack', 'attacks', 'attacked', 'attacking']);
  assert.deepEqual(verbForms('deny'), ['deny', 'denies', 'denied', 'denying']);
  assert.deepEqual(verbForms('ban'), ['ban', 'bans', 'banned', 'banning']);
  assert.deepEqual(verbForms('release'), ['release', 'releases', 'released', 'releasing']);
  assert.deepEqual(verbForms('cancel'), ['cancel', 'cancels', 'canceled', 'canceling', 'cancelled', 'cancelling']);
});

test('parseEventLexicon: a bad line names its number', () => {
  assert.throws(() => parseEventLexicon('phrase\tpos\ttype\tmode\tcameo\nattack\tv\tBOMBARD\t-\t18\n', { heads: [], notActors: [], connectors: [] }), /line 2: unknown PLOVER type/);
});

test('createEventsStage: a missing lexicon says how to fix it', () => {
  assert.throws(() => createEventsStage({} as never), /loadResources/);
});

test('events: the seed article (ledger issue expectations)', async () => {
  const text = readFileSync(new URL('../../../example/pokrovsk.txt', import.meta.url), 'utf8');
  const pipeline = createPipeline(await loadResources());
  const doc = pipeline.read(sourceDocument(text, { published: '2025-11-06' }));
  const at = (trigger: string): Event => {
    const e = doc.events.find((x) => x.text === trigger);
    assert.ok(e, `an event on "${trigger}"`);
    return e;
  };
  const attacks = at('attacks');
  assert.equal(attacks.type, 'ASSAULT');
  assert.equal(attacks.sizeValue, 100);
  assert.match(words(doc, attacks.actorSpan) ?? '', /Russian/);
  const demand = at('called on');
  assert.equal(demand.type, 'DEMAND');
  assert.match(words(doc, demand.actorSpan) ?? '', /Defence Ministry/);
  assert.match(words(doc, demand.recipientSpan) ?? '', /Ukrainian troops/);
  const accuse = at('accused');
  assert.equal(accuse.type, 'ACCUSE');
  assert.match(words(doc, accuse.actorSpan) ?? '', /Peskov/);
  assert.equal(words(doc, accuse.recipientSpan), 'Kyiv');
  assert.equal(at('denied').type, 'REJECT');
  const deployed = at('deployed');
  assert.equal(deployed.type, 'MOBILIZE');
  assert.equal(deployed.sizeValue, 11000);
  assert.equal(words(doc, deployed.actorSpan), 'Moscow');
  assert.ok(doc.events.every((e) => doc.sentences[e.sentence]!.caption === false), 'no event from the photo caption');
  assert.deepEqual(pipeline.read(sourceDocument(text, { published: '2025-11-06' })).events, doc.events);
});

test('an event happens at a location, not at a place inside an actor\'s name', async () => {
  const pipeline = createPipeline(await loadResources());
  const doc = pipeline.read({ ...sourceDocument('In Pokrovsk, 100 Russian attacks were repelled on Monday, the General Staff of the Armed Forces of Ukraine said.'), id: 'x' });
  const assault = doc.events.find((e) => e.type === 'ASSAULT');
  assert.ok(assault, JSON.stringify(doc.events.map((e) => e.type)));
  assert.ok(doc.places.some((p) => p.text === 'Ukraine'), 'the place inside the name is still a place mention');
  assert.equal(doc.places.find((p) => p.id === assault.place)?.text, 'Pokrovsk');
});
