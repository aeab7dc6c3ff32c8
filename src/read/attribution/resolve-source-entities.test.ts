import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';
import { resolveSourceEntities } from './resolve-source-entities.js';

const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
const read = (text: string) =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: 'Test Outlet', url: null, published: '2025-03-14', language: 'en', source: null }, diagnostics: [] });

function speakers(text: string): Array<[string, string, string]> {
  const doc = read(text);
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.attributions.filter((a) => a.voice === 'source').map((a) => [a.cue!.text, entities.get(a.speaker ?? '')?.name ?? '∅', a.side]);
}

test('the head of an apposition is the source, with the side of its organisation', () => {
  const got = speakers('Petro Marchenko, a spokesman for Ukraine’s army, said the bridge was intact. He added that the ferry was working.');
  assert.deepEqual(got, [['said', 'Petro Marchenko', 'UA'], ['added', 'Petro Marchenko', 'UA']]);
});

test('"he" is the latest person who spoke, not the latest person mentioned', () => {
  const got = speakers('Petro Marchenko, a Ukrainian lawmaker, said the bridge was intact after talks with Ivan Sydorenko. He added that the ferry was working.');
  assert.equal(got[1]![1], 'Petro Marchenko');
  assert.equal(got[1]![2], 'UA');
});

test('"it" and "the statement" point back to the organisation that spoke', () => {
  const got = speakers('Russia’s Defence Ministry said its forces had repelled three attacks. It added that two drones were downed. The statement said the air defences were on alert.');
  assert.deepEqual(got.map(([, name, side]) => [name, side]), [["Russia's Defence Ministry", 'RU'], ["Russia's Defence Ministry", 'RU'], ["Russia's Defence Ministry", 'RU']]);
});

test('a nationality is no person, and a pronoun with nobody before it stays unresolved', () => {
  assert.deepEqual(speakers('Ukrainian officials said the bridge was intact.').map(([, name]) => name).filter((n) => n === 'Ukrainian'), []);
  assert.equal(speakers('He said the bridge was intact.')[0]![1], '∅');
});

test('a title before a name: the name is the person, the title their role; an organisation\'s name is no person', () => {
  const doc = read('Regional council member Petro Marchenko told reporters the bridge was intact. The politician added that the ferry was working. The Southern Command said the road was open.');
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const names = doc.attributions.filter((a) => a.voice === 'source').map((a) => entities.get(a.speaker ?? '')?.name ?? '∅');
  assert.deepEqual(names.slice(0, 2), ['Petro Marchenko', 'Petro Marchenko']);
  assert.equal(doc.entities.find((e) => e.name === 'Petro Marchenko')?.role, 'Regional council member');
  assert.ok(!doc.entities.some((e) => e.kind === 'person' && /Command/.test(e.name)));
});

test('"the general" is the person introduced as a general, not merely the latest speaker', () => {
  const doc = read('Chief of the General Staff Ivan Petrenko reported to the president that the bridge was taken. President Oleg Sydorenko said the operation went well. According to the general, the ferry was also captured.');
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const according = doc.attributions.find((a) => a.cue?.text.toLowerCase() === 'according to');
  assert.equal(entities.get(according?.speaker ?? '')?.name, 'Ivan Petrenko');
});

test('evidence nobody is named for is its publisher\'s', () => {
  const doc = read('Russia’s Defence Ministry said on Monday its forces had advanced. The ministry also released footage of the town. The video shows soldiers raising a flag over the council building.');
  const shows = doc.attributions.find((a) => a.cue?.text === 'shows');
  assert.equal(shows?.stance, 'evidence');
  assert.equal(shows?.side, 'RU');
});

test('a description with the name in apposition is the named person ("Another spokesman, Colonel NAME, said")', () => {
  const got = speakers('Another spokesman, Lieutenant-Colonel Jonathan Conricus, told the broadcaster that the army had recorded the call. Conricus said the army would publish it.');
  assert.deepEqual(got.map(([, name, side]) => [name, side]), [['Jonathan Conricus', 'IL'], ['Jonathan Conricus', 'IL']]);
});

test('a pronoun never points back to a side its statement calls the enemy', () => {
  const text = 'The Israeli army said a misfired rocket hit the clinic. Islamic Jihad rejected the charge on Monday. '
    + 'The Israeli military then released a recording. "The Zionist enemy is lying to hide its crime," it said in a statement.';
  const last = speakers(text).at(-1)!;
  assert.notEqual(last[2], 'IL');
  assert.equal(last[2], 'PIJ');
});

test('"the claim" is whoever claimed last; "they" after a spokesperson is the body he speaks for', () => {
  const text = 'The Houthis fired at ships on Monday. Houthi spokesperson Yahya Saree described new attacks by their forces, claiming to have hit a destroyer. '
    + 'Two U.S. officials denied it. The claim asserted that the navy was struck. They said missiles were used.';
  const got = speakers(text);
  const byCue = new Map(got.map(([cue, name, side]) => [cue, [name, side]]));
  assert.deepEqual(byCue.get('claiming'), ['Yahya Saree', 'HOUTHIS']);
  assert.deepEqual(byCue.get('asserted'), ['Yahya Saree', 'HOUTHIS']);
  assert.equal(byCue.get('said')?.[1], 'HOUTHIS');
});

test('a participle after a comma with no source is the opening subject\'s; shared evidence speaks with its publisher\'s side', () => {
  // the frames found a source for ", saying"; with it taken away, the resolution alone must find the subject
  const text = 'The Israeli military released a radar map on Monday, saying that a rocket fell short. Later the map demonstrated the paths of the rockets.';
  const doc = read(text);
  const unsourced = doc.attributions.map((a) => (a.cue?.text === 'saying' ? { ...a, source: null, speaker: null, side: 'UNKNOWN' as const } : a));
  assert.ok(unsourced.some((a) => a.cue?.text === 'saying' && a.source === null));
  const { attributions, entities } = resolveSourceEntities(text, unsourced, doc.actors, doc.entities, new Map());
  const saying = attributions.find((a) => a.cue?.text === 'saying')!;
  assert.equal(new Map(entities.map((e) => [e.id, e])).get(saying.speaker ?? '')?.side, 'IL');
  assert.equal(doc.attributions.find((a) => a.cue?.text === 'demonstrated')?.side, 'IL');
});

test('"they" inside a sentence is the organisation that opens it', () => {
  const got = speakers('Two U.S. officials said the attack failed. The Iran-aligned Houthis began the strikes in November in what they say is solidarity with Gaza.');
  assert.equal(got.find(([cue]) => cue === 'say')?.[2], 'HOUTHIS');
});

test('a wire dateline before a source is not part of it; "the Sudanese army" is the dictionary\'s Sudanese Armed Forces', () => {
  const doc = read('GENEVA, (Reuters) – Human Rights Watch said on Sunday that a rocket was the likely cause. The Sudanese army said it had retaken the bridge. An army source said the bridge was mined.');
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const sources = doc.attributions.filter((a) => a.voice === 'source');
  assert.equal(sources[0]!.source?.text, 'Human Rights Watch');
  assert.equal(sources[0]!.side, 'THIRD');
  assert.equal(entities.get(sources[1]!.speaker ?? '')?.name, 'Sudanese Armed Forces');
  assert.equal(sources[2]!.side, 'SD');
});

test('a title after its country ("Ukraine\'s commander-in-chief") is the person of that side who holds it', () => {
  const got = speakers('Ukrainian commander-in-chief Oleksandr Syrskyi said the line held. Ukraine\'s commander-in-chief added that he had sent reinforcements.');
  assert.deepEqual(got[1], ['added', 'Oleksandr Syrskyi', 'UA']);
});

test('an unnamed official described by a body\'s name ("a health ministry official") has that body\'s side', () => {
  const got = speakers('Gaza\'s Health Ministry said 300 people were killed. A health ministry official said 500 were killed.');
  assert.equal(got[1]![2], 'HAMAS');
});

test('"it said … Wednesday" is the group the text says spoke on Wednesday, not the latest group to speak', () => {
  const got = speakers('Hamas on Wednesday denied the report of its retreat. The Israeli military claimed the group had fled. "Our positions are intact," it said in a statement Wednesday. "We deny every word," it added.');
  assert.deepEqual(got.map(([, name]) => name), ['Hamas', 'Israel Defense Forces', 'Hamas', 'Hamas']);
  // undated, "it" stays the latest group to speak
  assert.equal(speakers('Hamas on Wednesday denied the report of its retreat. The Israeli military claimed the group had fled. "Our positions are intact," it said.')[2]![1], 'Israel Defense Forces');
  const [, , quoted, added] = got;
  assert.equal(quoted![1], got[0]![1]);
  assert.equal(added![1], got[0]![1]);
  assert.notEqual(quoted![1], got[1]![1]);
});

test('"its press office" is the press office of the body the possessive points to, with that body\'s side', () => {
  const doc = read('The Ukrainian Khortytsia group said it had pulled back. Its press office admitted that the attacks had exhausted its units.');
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const admitted = doc.attributions.find((a) => a.cue?.text === 'admitted')!;
  const office = entities.get(admitted.speaker ?? '')!;
  assert.match(office.name, /Khortytsia.* press office$/);
  assert.equal(office.side, 'UA');
});

test('"Russia\'s defense circles" are unnamed Russian sources, not the Russian government', () => {
  const got = speakers('Russia\'s defense circles told a news agency on Monday that the town had been cleared.');
  assert.deepEqual(got[0], ['told', "Russia's defense circles", 'RU']);
});

test('"A leader of the X" is the member of X the next sentences name with X, not any person of its side', () => {
  const got = speakers('A leader of the Rapid Support Forces (RSF) acknowledged on Friday that their forces lost the bridge. In a post online, Omar Hamid, an adviser to the RSF commander, stated that the war was not lost.');
  assert.equal(got[0]![1], 'Omar Hamid');
  const other = speakers('A senior official of the Russian Defence Ministry said the border was closed. Vladimir Putin said the talks would go on.');
  assert.notEqual(other[0]![1], 'Vladimir Putin');
});

test('shared evidence is named with who made it public', () => {
  const got = speakers('The Israeli military shared a radar map on Monday. Later the map demonstrated the paths of the rockets.');
  assert.deepEqual(got.find(([cue]) => cue === 'demonstrated')?.slice(1), ['map shared by Israel Defense Forces', 'IL']);
});

test('one joined by "and" to a source of a side is of that side ("a Ukrainian soldier and a medic")', () => {
  const got = speakers('Russian troops have cut our supply lines, a Ukrainian soldier and a medic deployed in the region told the Kyiv Post.');
  assert.equal(got[0]![2], 'UA');
});

test('a source the tagger marks only by its quotation mark is the quoted words with it (`Russian "warlords"`)', () => {
  const got = speakers('Russian "warlords" also wrote about capturing the city.');
  assert.equal(got[0]?.[2], 'RU');
});

test('"the military" in a sentence about one party\'s forces is that party\'s military, not the third party quoted last', () => {
  const got = speakers('The Israeli military said it had hit a depot. The US Central Command said two drones were shot down. Witnesses said Israeli tanks had entered the camp, while the military said its troops were searching the area.');
  assert.deepEqual(got.at(-1), ['said', 'Israel Defense Forces', 'IL']);
  // with no party named before it, the latest body to speak stands
  const plain = speakers('The Israeli military said it had hit a depot. The US Central Command said two drones were shot down. Later the military said the ships were safe.');
  assert.equal(plain.at(-1)![1], 'US Central Command (CENTCOM)');
});
