import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { foldName } from '../../gazetteer/fold.js';
import { adjectiveTownCandidates, caseFormCandidates, parseCaseEndings, regionNameTownCandidates } from './case-forms.js';

const ru = parseCaseEndings(readFileSync(new URL('../../../data/places/ru/case-endings.tsv', import.meta.url), 'utf8'));
const uk = parseCaseEndings(readFileSync(new URL('../../../data/places/uk/case-endings.tsv', import.meta.url), 'utf8'));

test('case endings give back the nominative of a place name in every case', () => {
  const cases: Array<[string, typeof ru, string]> = [
    ['Покровске', ru, 'Покровск'], ['Авдеевкой', ru, 'Авдеевка'], ['Суджу', ru, 'Суджа'], ['России', ru, 'Россия'], ['Китае', ru, 'Китай'],
    ['Курахового', uk, 'Курахове'], ['Кураховому', uk, 'Курахове'], ['Гуляйполя', uk, 'Гуляйполе'], ['Авдіївці', uk, 'Авдіївка'],
    ['Харкова', uk, 'Харків'], ['Києва', uk, 'Київ'], ['Києві', uk, 'Київ'], ['Трускавці', uk, 'Трускавець'], ['Черкасах', uk, 'Черкаси'],
    ['Росії', uk, 'Росія'], ['області', uk, 'область'], ['Донецької', uk, 'Донецька'], ['Донецкой', ru, 'Донецкая'],
  ];
  for (const [form, endings, nominative] of cases) assert.ok(caseFormCandidates(foldName(form), endings).includes(foldName(nominative)), `${form} → ${nominative}`);
});

test('case endings: the word itself is not a candidate, and short stems give nothing', () => {
  assert.ok(!caseFormCandidates('покровск', ru).includes('покровск'));
  assert.deepEqual(caseFormCandidates('на', uk), []);
});

test('place adjectives and -щина regions lead back to their towns', () => {
  const adjective: Array<[string, string]> = [
    ['Покровское', 'Покровск'], ['Покровського', 'Покровськ'], ['Бахмутского', 'Бахмут'], ['Авдіївського', 'Авдіївка'],
    ['Курахівського', 'Курахове'], ['Курской', 'Курск'], ['Курській', 'Курск'], ['Запорожской', 'Запорожье'], ['Запорізької', 'Запоріжжя'], ['Харківської', 'Харків'],
  ];
  for (const [adj, town] of adjective) assert.ok(adjectiveTownCandidates(foldName(adj)).includes(foldName(town)), `${adj} → ${town}`);
  const regions: Array<[string, string]> = [['Харківщина', 'Харків'], ['Курщина', 'Курськ'], ['Одещина', 'Одеса'], ['Донеччина', 'Донецьк'], ['Полтавщина', 'Полтава']];
  for (const [region, town] of regions) assert.ok(regionNameTownCandidates(foldName(region)).includes(foldName(town)), `${region} → ${town}`);
  assert.deepEqual(regionNameTownCandidates('машина'), []);
});

test('a malformed endings file names the line', () => {
  assert.throws(() => parseCaseEndings('# c\nа\n', 'x.tsv'), /x\.tsv:2:/);
});

test('a plural adjective reads back to its nominative only before another word of the name', () => {
  assert.ok(caseFormCandidates(foldName('Сполучених'), uk, true).includes(foldName('Сполучені')));
  assert.ok(!caseFormCandidates(foldName('Сполучених'), uk).includes(foldName('Сполучені')));
  assert.ok(caseFormCandidates(foldName('Соединенных'), ru, true).includes(foldName('Соединенные')));
  assert.ok(!caseFormCandidates(foldName('Малих'), uk).includes(foldName('Малі')));
  assert.throws(() => parseCaseEndings('их\tі\tbefore\n', 'x.tsv'), /x\.tsv:1:/);
});
