import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { emptyAnalysis } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { compileActorLexicon, createActorsStage } from './index.js';
import { expandForms } from '../expand-forms.js';

const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../data/actors/${name}`, import.meta.url), 'utf8'));
// the whole dictionary, as loadResources() compiles it: the English files, then the language files naming their entries
const parts = readdirSync(new URL('../../../data/actors/entities/', import.meta.url)).filter((n) => n.endsWith('.json')).sort().map((n) => data(`entities/${n}`));
const lexicon = compileActorLexicon([data('actors.json'), ...parts], data('nouns.json'), data('conflicts.json'), [data('ru/actors.json'), data('uk/actors.json')]);
const segment = createSegmentStage();
const actors = createActorsStage(lexicon);

function found(text: string, language: string): string[] {
  const doc = actors.run(segment.run(emptyAnalysis({ id: 't', text, diagnostics: [], meta: { title: null, outlet: null, url: null, published: null, language, source: null } }), {}), {});
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.actors.map((a) => `${a.text}=${entities.get(a.entity)!.name}/${entities.get(a.entity)!.side}`);
}

test('actors (ru/uk): names in their cases are the dictionary entries of the English names, with their sides', () => {
  assert.deepEqual(found('Генштаб ВСУ ответил Минобороны России.', 'ru'), [
    "Генштаб ВСУ=General Staff of the Armed Forces of Ukraine/UA", "Минобороны России=Russia's Defence Ministry/RU",
  ]);
  assert.deepEqual(found('Слова Пескова повторил Сырский.', 'ru'), ['Пескова=Dmitry Peskov/RU', 'Сырский=Oleksandr Syrskyi/UA']);
  assert.deepEqual(found('Генеральний штаб ЗСУ відповів на слова Пєскова.', 'uk'), [
    'Генеральний штаб ЗСУ=General Staff of the Armed Forces of Ukraine/UA', 'Пєскова=Dmitry Peskov/RU',
  ]);
  assert.deepEqual(found('Сирський зустрівся з Сибігою.', 'uk'), ['Сирський=Oleksandr Syrskyi/UA', 'Сибігою=Andrii Sybiha/UA']);
  // written in lower case in the file, matched in lower case
  assert.deepEqual(found('Вчора російське Міноборони заявило інше.', 'uk'), ["російське Міноборони=Russia's Defence Ministry/RU"]);
});

test('actors: one entity in every language (the English name finds the same key)', () => {
  const en = lexicon.aliasesByFirst.get('peskov')![0]!.actor;
  const ru = lexicon.aliasesByFirst.get('пескову')![0]!.actor;
  const uk = lexicon.aliasesByFirst.get('пєсков')![0]!.actor;
  assert.equal(en, ru);
  assert.equal(en, uk);
});

test('actors: case endings in braces expand to every form', () => {
  assert.deepEqual(expandForms('Генштаб{,а} {ВСУ,Украины}'), ['Генштаб ВСУ', 'Генштаб Украины', 'Генштаба ВСУ', 'Генштаба Украины']);
  assert.deepEqual(expandForms('Reuters'), ['Reuters']);
  assert.throws(() => compileActorLexicon(data('actors.json'), data('nouns.json'), undefined, [{ aliases: [{ key: 'nobody', aliases: ['Никто'], source: 'https://example.org' }] }]), /nobody/);
});

test('actors (ru/uk): after a title, the body or place it is of comes before the name, which is the last two words', () => {
  const persons = (text: string, language: string): string[] => found(text, language).map((x) => x.split('=')[0]!).filter((x) => !/МЗС|МИД|Міноборони/.test(x));
  assert.ok(persons('Голова Полтавської ОВА Петро Коваленко повідомив про вибухи.', 'uk').includes('Петро Коваленко'));
  assert.ok(persons('Речник Повітряних сил Іван Мельник заявив про атаку.', 'uk').includes('Іван Мельник'));
  assert.ok(persons('Глава Брянской области Олег Петров сообщил о пострадавших.', 'ru').includes('Олег Петров'));
  assert.ok(persons('Мэр города Олег Иванович Сидоренко сообщил о пострадавших.', 'ru').includes('Олег Иванович Сидоренко'));
  // a place after a resident's title, then an oblast adjective, is no person
  assert.deepEqual(persons('Военные вывозят жителей города Ивановка Донецкой народной республики.', 'ru'), []);
});
