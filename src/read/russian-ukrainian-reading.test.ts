import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from './pipeline.js';
import { loadResources } from './load-resources.js';
import { controlTimeline, findContradictions, ledgerClaimsOf, statusOn } from '../ledger/index.js';

// Issue 14: Russian and Ukrainian statements read into the same ledger as English ones.
// Every sentence here is written for these tests.
const resources = await loadResources();
const pipeline = createPipeline(resources);
const HULIAIPOLE = 'geonames:707898';
const MYRNOHRAD = 'geonames:710035';

const read = (text: string, language: string, published = '2025-12-27', outlet = 'Test Outlet') =>
  pipeline.read({ id: `${language}-${published}-${text.length}`, text, meta: { title: null, outlet, url: null, published, language, source: null }, diagnostics: [] });

function sources(text: string, language: string) {
  const doc = read(text, language);
  const names = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.attributions.filter((a) => a.voice === 'source').map((a) => ({
    source: a.source?.text, entity: a.speaker ? names.get(a.speaker)?.name : undefined, kind: a.speaker ? names.get(a.speaker)?.kind : undefined,
    cue: a.cue?.text, stance: a.stance, side: a.side, content: a.content.text,
  }));
}

test('ru: a title naming a body before a person\'s name is the person, for the body\'s side; "сказал он" is that person', () => {
  const got = sources('Группировка войск «Восток» продвинулась у села, сообщил командующий группировкой войск «Восток» Андрей Петров. '
    + '«Противник отходит», — сказал он в интервью журналистам.', 'ru');
  assert.equal(got.length, 2);
  assert.deepEqual([got[0]!.entity, got[0]!.kind, got[0]!.side], ['Андрей Петров', 'person', 'RU']);
  // the source ends where the medium starts ("в интервью ..."), and the pronoun is the person who spoke
  assert.deepEqual([got[1]!.source, got[1]!.entity, got[1]!.side], ['он', 'Андрей Петров', 'RU']);
});

test('uk: "за словами речника X" is the spokesman introduced before; a negated capture is a denial', () => {
  const got = sources('Бої тривають на околицях міста Гуляйполе. Про це повідомив речник ОСУВ «Хортиця» Віктор Петренко. '
    + 'За словами речника ОСУВ «Хортиця», росіяни не захопили Гуляйполе повністю.', 'uk');
  const denial = got.find((a) => a.cue === 'За словами');
  assert.ok(denial, JSON.stringify(got));
  assert.deepEqual([denial.entity, denial.side, denial.stance], ['Віктор Петренко', 'UA', 'deny']);
});

test('uk: a headline signed with a spaced dash is the signer\'s; its rejection is a denial', () => {
  const got = sources('Заява росіян про захоплення Гуляйполя не відповідає дійсності - Волошин\n\nУкраїнські підрозділи залишаються у місті.', 'uk');
  const signed = got.find((a) => a.cue === '-');
  assert.ok(signed, JSON.stringify(got));
  assert.deepEqual([signed.entity, signed.side, signed.stance], ['Vladyslav Voloshyn', 'UA', 'deny']);
  // a hyphen inside running prose signs nothing
  assert.equal(sources('Бої тривають на північно-західній околиці міста, повідомили у Генштабі.', 'uk').filter((a) => a.cue === '-').length, 0);
});

test('uk: a claim named by a noun inside a rejection keeps its own stance; "там" does not point into its own content', () => {
  const got = sources('"Повідомлення з Кремля про захоплення Гуляйполя не підтверджуються фактами", – наголосили у Генштабі ЗСУ. '
    + 'Ситуація складна, але оборона триває, – зазначили там.', 'uk');
  const kremlin = got.find((a) => a.cue === 'Повідомлення з');
  assert.ok(kremlin, JSON.stringify(got));
  assert.deepEqual([kremlin.side, kremlin.stance], ['RU', 'assert']);
  const staff = got.filter((a) => a.side === 'UA');
  assert.ok(staff.some((a) => a.stance === 'deny'), JSON.stringify(got));
  assert.ok(got.filter((a) => a.cue === 'зазначили').every((a) => a.side === 'UA'), JSON.stringify(got));
});

test('ru/uk: demands, the head of state, commentators and hedges', () => {
  const ru = sources('Накануне президент Владимир Путин провел совещание. Глава государства поставил задачу полностью освободить район.', 'ru');
  const demand = ru.find((a) => a.cue === 'поставил задачу');
  assert.ok(demand, JSON.stringify(ru));
  assert.deepEqual([demand.entity, demand.stance, demand.side], ['Vladimir Putin', 'demand', 'RU']);
  const uk = sources('Військовий оглядач Петро Іваненко в ефірі телемарафону заявив, що переговори, ймовірно, відкладуть.', 'uk');
  assert.equal(uk.length, 1);
  assert.deepEqual([uk[0]!.source, uk[0]!.side, uk[0]!.stance], ['Військовий оглядач Петро Іваненко', 'THIRD', 'believe']);
});

test('claims (ru): capture nouns in every case, each listed place claimed, "под нашим контролем" is the speaker\'s', () => {
  const doc = read('Начальник Генштаба Валерий Герасимов сообщил об освобождении Гуляйполя в Запорожской области и Димитрова в ДНР. '
    + '«Жилые кварталы города Гуляйполе зачищены. Сейчас Гуляйполе находится под нашим полным контролем», — сказал он.', 'ru');
  const props = new Set(doc.claims.filter((c) => c.polarity === 'positive').map((c) => c.proposition));
  assert.ok(props.has(`captured(force:RU,${HULIAIPOLE})`), [...props].join(' '));
  assert.ok(props.has(`captured(force:RU,${MYRNOHRAD})`), [...props].join(' '));
  assert.ok(props.has(`controls(force:RU,${HULIAIPOLE})`), [...props].join(' '));
});

test('claims (uk): "ворог окупував" from the defender is an admission of the enemy\'s capture; a pronoun in a reported claim is its speaker\'s', () => {
  const admitted = read('У Генштабі ЗСУ визнали, що ворог окупував місто Гуляйполе.', 'uk');
  const capture = admitted.claims.find((c) => c.predicate === 'captured');
  assert.ok(capture, JSON.stringify(admitted.claims.map((c) => c.proposition)));
  assert.equal(capture.proposition, `captured(force:RU,${HULIAIPOLE})`);
  const reported = read('Речник Сил оборони півдня Владислав Волошин спростував заяву російського командування про те, що вони захопили місто Гуляйполе.', 'uk');
  const denied = reported.claims.filter((c) => c.predicate === 'captured');
  assert.ok(denied.length > 0);
  // "вони" is the Russian command that made the claim, not the Ukrainian spokesman's forces
  assert.ok(denied.every((c) => c.proposition === `captured(force:RU,${HULIAIPOLE})`), denied.map((c) => c.proposition).join(' '));
  assert.ok(denied.some((c) => c.side === 'UA' && c.polarity === 'negative'));
});

test('ledger: a Russian claim and a Ukrainian denial of the same proposition meet, across languages and names', () => {
  const ru = read('Минобороны России сообщило об освобождении Димитрова в ДНР.', 'ru', '2025-12-27', 'Тестовое агентство');
  const uk = read('У Генштабі ЗСУ заявили, що повідомлення про захоплення Мирнограда не відповідають дійсності.', 'uk', '2025-12-27', 'Тестове видання');
  const claims = [ru, uk].flatMap((d) => ledgerClaimsOf({ ...d, ...d.meta }));
  const about = claims.filter((c) => c.claim.proposition === `captured(force:RU,${MYRNOHRAD})`);
  assert.deepEqual(new Set(about.map((c) => `${c.claim.side}:${c.claim.polarity}`)), new Set(['RU:positive', 'UA:negative']));
  const contradictions = findContradictions(claims).filter((x) => x.proposition === `captured(force:RU,${MYRNOHRAD})`);
  assert.equal(contradictions.length, 1, JSON.stringify(findContradictions(claims).map((x) => x.proposition)));
  // claimed by one side, denied by the other: claimed, not confirmed
  assert.equal(statusOn(controlTimeline(claims, MYRNOHRAD), '2025-12-27')?.state, 'claimed-captured');
});

test('ledger: a monitoring project aligned with the losing side does not confirm a capture; the losing side\'s command does', () => {
  const ru = read('Минобороны России сообщило об освобождении города Гуляйполе.', 'ru', '2025-12-27', 'Тестовое агентство');
  const monitor = read('Аналітики DeepState написали, що ворог окупував місто Гуляйполе.', 'uk', '2025-12-28', 'Тестове видання');
  const claimsWithMonitor = [ru, monitor].flatMap((d) => ledgerClaimsOf({ ...d, ...d.meta }));
  assert.equal(statusOn(controlTimeline(claimsWithMonitor, HULIAIPOLE), '2025-12-28')?.state, 'claimed-captured');
  const command = read('У Генштабі ЗСУ визнали, що ворог окупував місто Гуляйполе.', 'uk', '2025-12-28', 'Тестове видання');
  const claimsWithCommand = [ru, command].flatMap((d) => ledgerClaimsOf({ ...d, ...d.meta }));
  assert.equal(statusOn(controlTimeline(claimsWithCommand, HULIAIPOLE), '2025-12-28')?.state, 'confirmed-captured');
});
