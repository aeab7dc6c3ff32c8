import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';

const resources = await loadResources();
const pipeline = createPipeline({ ...resources, places: undefined });
const read = (text: string, language: string) =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: 'Test Outlet', url: null, published: '2025-11-06', language, source: null }, diagnostics: [] });
const own = (text: string, language: string) => {
  const doc = read(text, language);
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.attributions.filter((a) => a.voice === 'source').map((a) => ({
    source: a.source?.text, entity: a.speaker ? names.get(a.speaker) : null, cue: a.cue?.text, stance: a.stance, side: a.side, content: a.content.text,
  }));
};

test('attribution (ru): cues in every gender and number, with stance and side', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // text, cue, stance, side, content (a party telling of a withdrawal by unnamed forces concedes its own: acknowledge; these contents are neutral)
    ['Минобороны России заявило, что колонна прибыла.', 'заявило', 'assert', 'RU', 'что колонна прибыла'],
    ['Генштаб ВСУ опроверг эти сведения.', 'опроверг', 'deny', 'UA', 'эти сведения'],
    ['Песков обвинил Киев в срыве переговоров.', 'обвинил', 'accuse', 'RU', 'Киев в срыве переговоров'],
    ['Захарова призвала Запад прекратить поставки.', 'призвала', 'demand', 'RU', 'Запад прекратить поставки'],
    ['Сырский признал, что положение тяжелое.', 'признал', 'acknowledge', 'UA', 'что положение тяжелое'],
    ['Колонна прибыла, сообщили в Минобороны России.', 'сообщили', 'assert', 'RU', 'Колонна прибыла'],
    ['По словам Пескова, переговоров не будет.', 'По словам', 'assert', 'RU', 'переговоров не будет'],
    ['По данным Генштаба ВСУ, атаки отбиты.', 'По данным', 'assert', 'UA', 'атаки отбиты'],
    // a rejection in the content denies
    ['В Генштабе ВСУ заявили, что эти сообщения не соответствуют действительности.', 'заявили', 'deny', 'UA', 'что эти сообщения не соответствуют действительности'],
  ];
  for (const [text, cue, stance, side, content] of cases) {
    const [a] = own(text, 'ru');
    assert.ok(a, text);
    assert.deepEqual([a.cue, a.stance, a.side, a.content], [cue, stance, side, content], text);
  }
});

test('attribution (uk): cues, "за словами", "з посиланням на", "фейк" as deny', () => {
  const cases: Array<[string, string, string, string, string]> = [
    ['Генеральний штаб ЗСУ повідомив, що атаки відбито.', 'повідомив', 'assert', 'UA', 'що атаки відбито'],
    ['Речниця заявила, що обстріли тривають.', 'заявила', 'assert', 'UNKNOWN', 'що обстріли тривають'],
    ['Сирський спростував ці твердження.', 'спростував', 'deny', 'UA', 'ці твердження'],
    ['Міноборони Росії заперечило удар по лікарні.', 'заперечило', 'deny', 'RU', 'удар по лікарні'],
    ['Пєсков звинуватив Київ у зриві перемовин.', 'звинуватив', 'accuse', 'RU', 'Київ у зриві перемовин'],
    ['За словами Сирського, фронт стабільний.', 'За словами', 'assert', 'UA', 'фронт стабільний'],
    ['У Генштабі ЗСУ заявили, що це фейк.', 'заявили', 'deny', 'UA', 'що це фейк'],
  ];
  for (const [text, cue, stance, side, content] of cases) {
    const [a] = own(text, 'uk');
    assert.ok(a, text);
    assert.deepEqual([a.cue, a.stance, a.side, a.content], [cue, stance, side, content], text);
  }
});

test('attribution (ru/uk): the content told before "Об этом" / "Про це", a dash typed as a hyphen, pronouns and "ведомство"', () => {
  const [before] = own('Колона пройшла через міст. Про це повідомив Сирський.', 'uk');
  assert.deepEqual([before!.content, before!.entity], ['Колона пройшла через міст', 'Oleksandr Syrskyi']);
  const [dash] = own('"Мост цел", - сказал Песков.', 'ru');
  assert.deepEqual([dash!.source, dash!.entity], ['Песков', 'Dmitry Peskov']);
  const pronoun = own('Песков ответил журналистам. Он сказал, что мост цел.', 'ru');
  assert.equal(pronoun.at(-1)!.entity, 'Dmitry Peskov');
  const body = own('Минобороны России опубликовало сводку. По информации ведомства, мост цел.', 'ru');
  assert.deepEqual([body.at(-1)!.entity, body.at(-1)!.side], ["Russia's Defence Ministry", 'RU']);
});

test('attribution (ru/uk): quoted unit names in a source, "Об этом <medium> сообщил", a pronoun opening the source', () => {
  const [unit] = own('Бои идут, рассказал командующий группировкой войск «Восток» Иван Петров.', 'ru');
  assert.deepEqual([unit!.source, unit!.side], ['командующий группировкой войск «Восток» Иван Петров', 'RU']);
  const told = own('Мост разрушен. Об этом ТАСС сообщил Песков.', 'ru');
  assert.deepEqual([told.at(-1)!.content, told.at(-1)!.entity], ['Мост разрушен', 'Dmitry Peskov']);
  const pronoun = own('Сырский выступил в Раде. Он в обращении к депутатам сказал, что фронт держится.', 'ru');
  assert.equal(pronoun.at(-1)!.entity, 'Oleksandr Syrskyi');
});

test('attribution (ru/uk): a claim named by a noun with its owner after it, inside the denial', () => {
  const found = own('Речниця спростувала заяви російського міністерства про взяття станції.', 'uk');
  const noun = found.find((a) => a.cue === 'заяви')!;
  assert.deepEqual([noun.source, noun.side, noun.stance, noun.content], ['російського міністерства', 'RU', 'assert', 'взяття станції']);
  const [denial] = found;
  assert.equal(denial!.stance, 'deny');
  const [that] = own('Генштаб ЗСУ відкинув заяву російських блогерів про те, що село захоплене.', 'uk').filter((a) => a.cue === 'заяву');
  assert.equal(that!.content, 'що село захоплене');
  const told = own('Міст цілий. Про це речник Генштабу ЗСУ повідомив в ефірі радіо.', 'uk');
  assert.deepEqual([told.at(-1)!.source, told.at(-1)!.content], ['речник Генштабу ЗСУ', 'Міст цілий']);
});

test('attribution (ru/uk): a straight-quoted quotation over two sentences is one content', () => {
  const [a] = own('"Міст зруйновано. Колона повернула назад", - сказав Сирський.', 'uk');
  assert.deepEqual([a!.content, a!.entity], ['"Міст зруйновано. Колона повернула назад"', 'Oleksandr Syrskyi']);
});

test('attribution (ru, uk): a topic before the verb, the speaker after it; a record the body published is its evidence', () => {
  // Sentences written for this test.
  const uk = own('Генштаб ЗСУ оприлюднив нові дані. Про відступ із села свідчать нові мапи, опубліковані на сторінці відомства. Згідно з мапою, бої тривають на околиці.', 'uk');
  const topic = uk.find((a) => a.cue === 'свідчать');
  assert.deepEqual([topic?.content, topic?.stance, topic?.entity, topic?.side], ['Про відступ із села', 'evidence', 'General Staff of the Armed Forces of Ukraine', 'UA']);
  const map = uk.find((a) => a.cue === 'Згідно з');
  assert.deepEqual([map?.source, map?.stance, map?.entity, map?.side], ['мапою', 'evidence', 'General Staff of the Armed Forces of Ukraine', 'UA']);
  const ru = own('О гибели бойцов сообщил командир батальона.', 'ru').find((a) => a.cue === 'сообщил');
  assert.deepEqual([ru?.content, ru?.source], ['О гибели бойцов', 'командир батальона']);
  // the anaphoric "Про це" still points back
  const back = own('Колона прибула до міста. Про це повідомив Генштаб ЗСУ.', 'uk').find((a) => a.cue === 'повідомив');
  assert.equal(back?.content, 'Колона прибула до міста.'.slice(0, -1));
  // a map with no body's record named before is evidence of nobody in particular
  const bare = own('Згідно з мапою, бої тривають на околиці.', 'uk')[0];
  assert.deepEqual([bare?.stance, bare?.entity ?? null], ['evidence', null]);
});

test('attribution (ru, uk): a subjectless verb speaks for the body named as where it spoke in the sentence before', () => {
  // Sentences written for this test.
  const uk = own('Коментарів щодо ситуації у Генштабі ЗСУ не надали. Разом із тим, повідомили, що за добу відбулося 20 боїв.', 'uk');
  const said = uk.find((a) => a.cue === 'повідомили');
  assert.deepEqual([said?.entity, said?.side, said?.content], ['General Staff of the Armed Forces of Ukraine', 'UA', 'що за добу відбулося 20 боїв']);
  const ru = own('В Минобороны России от комментариев отказались. Кроме того, сообщили, что колонна прибыла.', 'ru').find((a) => a.cue === 'сообщили');
  assert.equal(ru?.side, 'RU');
  // a person named that way is no such body: nobody is named as saying it
  assert.equal(own('У Зеленського коментарів не надали. Разом із тим, повідомили, що за добу відбулося 20 боїв.', 'uk').find((a) => a.cue === 'повідомили'), undefined);
});

test('attribution (ru, uk): a future of continuing or providing in the content is a promise', () => {
  const ru = own('По информации Минобороны России, военные продолжат работу по разминированию.', 'ru')[0];
  assert.equal(ru?.stance, 'promise');
  const uk = own('Генштаб ЗСУ заявив, що сили оборони продовжать роботу з евакуації.', 'uk')[0];
  assert.equal(uk?.stance, 'promise');
});

test('attribution (ru, uk): a connective is no speaker; before a source it is not part of it', () => {
  // Sentences written for this test.
  const uk = own('Генштаб ЗСУ спростував ці дані. Водночас зазначили, що колона прибула.', 'uk').find((a) => a.cue === 'зазначили');
  assert.deepEqual([uk?.entity, uk?.side, uk?.content], ['General Staff of the Armed Forces of Ukraine', 'UA', 'що колона прибула']);
  const ru = own('Минобороны России опровергло эти сведения. При этом там отметили, что колонна прибыла.', 'ru').find((a) => a.cue === 'отметили');
  assert.deepEqual([ru?.source, ru?.entity], ['там', "Russia's Defence Ministry"]);
  // with no report before to share, nobody is named as saying it
  assert.equal(own('При цьому зазначили, що колона прибула.', 'uk').find((a) => a.cue === 'зазначили'), undefined);
});

test('attribution (ru, uk): a content opening with "Кроме того," / "Крім того," goes on the sentence before it', () => {
  for (const [text, language, before] of [
    ['Оборона города скоро рухнет. Кроме того, наши войска получат простор для наступления, — заявил министр.', 'ru', 'Оборона города скоро рухнет.'],
    ['Оборона міста скоро впаде. Крім того, наші війська отримають простір для наступу, — заявив міністр.', 'uk', 'Оборона міста скоро впаде.'],
  ] as const) {
    const [a] = read(text, language).attributions.filter((x) => x.voice === 'source');
    assert.deepEqual(a?.contentParts?.map((p) => p.text), [before], text);
  }
  // without the additive opener the sentence before stays the reporter's
  const [b] = read('Оборона города скоро рухнет. Наши войска получат простор для наступления, — заявил министр.', 'ru').attributions.filter((x) => x.voice === 'source');
  assert.equal(b?.contentParts, undefined);
});

test('attribution (ru/uk): a negating particle before the cue is the cue\'s, not the source\'s, and its content is no claim', () => {
  for (const [text, language, source, cue] of [
    ['Генштаб ВСУ не подтвердил отход из села.', 'ru', 'Генштаб ВСУ', 'не подтвердил'],
    ['Міноборони Росії не підтвердило захоплення села.', 'uk', 'Міноборони Росії', 'не підтвердило'],
  ] as const) {
    const [a] = own(text, language);
    assert.equal(a?.source, source, text);
    assert.equal(a?.cue, cue, text);
    assert.deepEqual(read(text, language).claims.filter((c) => c.voice === 'source').map((c) => c.proposition), [], text);
  }
});

test('claims (uk): a village taken "під" a town is no capture of the town', () => {
  const withPlaces = createPipeline(resources);
  const captured = (text: string) => withPlaces.read({ id: 'x', text, meta: { title: null, outlet: 'Test Outlet', url: null, published: '2025-11-06', language: 'uk', source: null }, diagnostics: [] })
    .claims.filter((c) => c.predicate === 'captured');
  const near = captured('Генштаб повідомив, що росіяни захопили село під Куп’янськом.');
  assert.ok(near.length > 0);
  for (const c of near) assert.equal(c.args.find((a) => a.role === 'place'), undefined, c.proposition);
  // the town itself taken has its place
  assert.ok(captured('Генштаб повідомив, що росіяни захопили Куп’янськ.').some((c) => c.args.some((a) => a.role === 'place')));
});

test('attribution (ru/uk): a demonstrative object before its verb is the content, the subject before it the source', () => {
  for (const [text, language, source, content] of [
    ['В Генштабе ВСУ эту информацию опровергли.', 'ru', 'В Генштабе ВСУ', 'эту информацию'],
    ['Генштаб ЗСУ ці заяви спростував.', 'uk', 'Генштаб ЗСУ', 'ці заяви'],
  ] as const) {
    const [a] = own(text, language);
    assert.equal(a?.source, source, text);
    assert.equal(a?.content, content, text);
    assert.equal(a?.stance, 'deny', text);
  }
});

test('attribution (ru/uk): where it was said, after the cue, is not the content', () => {
  const [ru] = own('Представитель группировки Иван Петров заявил в эфире телемарафона, что противник отступил.', 'ru');
  assert.equal(ru?.content, 'что противник отступил');
  const [uk] = own('Речник бригади Іван Петренко заявив в ефірі телемарафону, що ворог відступив.', 'uk');
  assert.equal(uk?.content, 'що ворог відступив');
});
