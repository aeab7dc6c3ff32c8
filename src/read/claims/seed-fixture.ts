import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyzedDocument, SourceDocument } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { createTimeStage } from '../time/index.js';
import { emptyAnalysis } from '../../model/index.js';
import { HandBuilt } from './hand-built.js';

/** Ids the tests use for the seed's places (GeoNames). */
export const POKROVSK = 696643;
export const AVDIIVKA = 713174;

const SEED = fileURLToPath(new URL('../../../../shared/seed/pokrovsk.txt', import.meta.url));

/** Runs the stages that exist on a text (segment, time) with a publication date. */
export function baseDocument(id: string, text: string, published: string, outlet: string | null = null): AnalyzedDocument {
  const source: SourceDocument = { id, text, meta: { title: null, outlet, url: null, published, language: 'en', source: null }, diagnostics: [] };
  let doc = emptyAnalysis(source);
  for (const stage of [createSegmentStage(), createTimeStage()]) doc = stage.run(doc, {});
  return doc;
}

/**
 * The seed article (../shared/seed/pokrovsk.txt) with the actors,
 * attributions, places and quantities the other stages are expected to find,
 * built by hand (test support until those stages are in the pipeline).
 */
export function handBuiltSeed(id = 'seed'): AnalyzedDocument {
  const h = new HandBuilt(baseDocument(id, readFileSync(SEED, 'utf8'), '2025-11-06'));
  const ruMod = h.entity('ru-mod', "Russia's Defence Ministry", 'government', 'RU');
  const syrskyi = h.entity('syrskyi', 'Oleksandr Syrskyi', 'person', 'UA');
  const peskov = h.entity('peskov', 'Dmitry Peskov', 'person', 'RU');
  const ruGov = h.entity('ru-government', 'Russian government', 'government', 'RU');
  const uaGov = h.entity('ua-government', 'Ukrainian government', 'government', 'UA');
  const staff = h.entity('afu-general-staff', 'General Staff of the Armed Forces of Ukraine', 'military', 'UA');
  const footage = h.entity('footage', 'Footage shared online', 'evidence', 'UNKNOWN');
  const platoon = h.entity('platoon-commander', 'platoon commander', 'unnamed', 'UA');
  h.entity('suspilne', 'Suspilne', 'media', 'MEDIA');

  h.actor(ruMod, h.span('Russia’s Defence Ministry'));
  h.actor(ruMod, h.span('the ministry'), 'coreference');
  h.actor(syrskyi, h.span('Oleksandr Syrskyi'));
  h.actor(peskov, h.span('Dmitry Peskov'));
  h.actor(uaGov, h.span('Kyiv of'), 'metonymy');
  h.actor(ruGov, h.span('Moscow had'), 'metonymy');
  h.actor(staff, h.span('the AFU’s General Staff'));
  h.actor(staff, h.span('the General Staff added'), 'coreference');
  h.actor(platoon, h.span('one platoon commander'));

  for (const [needle, nth] of [['Pokrovsk', 1], ['Pokrovsk', 2], ['Pokrovsk', 3], ['Pokrovsk', 4], ['Pokrovsk', 5]] as const) {
    h.place(h.span(needle, nth), 'Pokrovsk', POKROVSK, 'P', 'PPLA2', 48.28, 37.18);
  }
  h.place(h.span('Avdiivka'), 'Avdiivka', AVDIIVKA, 'P', 'PPL', 48.14, 37.74);
  h.place(h.span('Avdiivka', 1), 'Avdiivka', AVDIIVKA, 'P', 'PPL', 48.14, 37.74);
  h.quantity(h.span('significant losses'), null, 'losses', ['qualitative']);
  h.quantity(h.span('an additional 11,000 troops'), 11000, 'troops', ['additional']);
  h.quantity(h.span('100 Russian attacks'), 100, 'attacks');

  const s1 = h.span('Russia’s Defence Ministry called on');
  h.attribution({
    span: [s1[0], h.span('to surrender on Wednesday')[1]], source: h.span('Russia’s Defence Ministry'), entity: ruMod, cue: h.span('called on'), lemma: 'call on',
    content: [h.span('Ukrainian troops in the embattled')[0], h.span('to surrender on Wednesday')[1]], stance: 'demand', side: 'RU', time: h.time('Wednesday'),
  });
  h.attribution({
    span: [h.span('The remaining Ukrainian')[0], h.span('the ministry said')[1]], source: h.span('the ministry'), entity: ruMod, cue: h.span('said'), lemma: 'say',
    content: [h.span('The remaining Ukrainian')[0], h.span('as Russian forces advanced')[1]], stance: 'assert', side: 'RU',
  });
  h.attribution({
    span: [h.span('adding that')[0], h.span('voluntary surrender”')[1]], source: h.span('the ministry'), entity: ruMod, cue: h.span('adding'), lemma: 'add',
    content: [h.span('Russian shelling had left')[0], h.span('voluntary surrender”')[1]], stance: 'assert', side: 'RU',
  });
  h.attribution({
    span: [h.span('Armed Forces of Ukraine (AFU) Commander')[0], h.span('faced in Pokrovsk but')[0] + 'faced in Pokrovsk'.length],
    source: h.span('Oleksandr Syrskyi'), entity: syrskyi, cue: h.span('acknowledged'), lemma: 'acknowledge',
    content: [h.span('the “difficult” conditions')[0], h.span('faced in Pokrovsk but')[0] + 'faced in Pokrovsk'.length], stance: 'acknowledge', side: 'UA',
    time: h.time('Last week'),
  });
  const denial = h.attribution({
    span: [h.span('denied Russian claims')[0], h.span('had been encircled')[1]], source: h.span('Oleksandr Syrskyi'), entity: syrskyi,
    cue: h.span('denied'), lemma: 'deny', content: [h.span('Russian claims that')[0], h.span('had been encircled')[1]], stance: 'deny', side: 'UA',
    time: h.time('Last week'),
  });
  h.attribution({
    span: [h.span('Russian claims that')[0], h.span('had been encircled')[1]], source: h.span('Russian claims'), entity: null, cue: h.span('claims that'), lemma: 'claim',
    content: [h.span('they had been encircled')[0], h.span('had been encircled')[1]], stance: 'assert', side: 'RU', nestedIn: denial,
  });
  h.attribution({
    span: [h.span('Kremlin spokesperson')[0], h.span('its troops faced in Pokrovsk')[1]], source: h.span('Dmitry Peskov'), entity: peskov, cue: h.span('accused'), lemma: 'accuse',
    content: [h.span('Kyiv of concealing')[0], h.span('its troops faced in Pokrovsk')[1]], stance: 'accuse', side: 'RU', time: h.time('Wednesday', 1),
  });
  h.attribution({
    span: [h.span('noting that')[0], h.span('to capture the city')[1]], source: h.span('Dmitry Peskov'), entity: peskov, cue: h.span('noting'), lemma: 'note',
    content: [h.span('Moscow had deployed')[0], h.span('to capture the city')[1]], stance: 'assert', side: 'RU', time: h.time('Wednesday', 1),
  });
  h.attribution({
    span: [h.span('Footage shared online')[0], h.span('city council building')[1]], source: h.span('Footage shared online'), entity: footage, cue: h.span('showed'), lemma: 'show',
    content: [h.span('fighters from Ukraine’s')[0], h.span('city council building')[1]], stance: 'evidence', side: 'UNKNOWN', time: h.time('Wednesday', 2),
  });
  h.attribution({
    span: [h.span('the AFU’s General Staff said')[0], h.span('in the past day alone')[1]], source: h.span('the AFU’s General Staff'), entity: staff, cue: h.span('said its'), lemma: 'say',
    content: [h.span('its troops had repelled')[0], h.span('in the past day alone')[1]], stance: 'assert', side: 'UA', time: h.time('Thursday morning'),
  });
  h.attribution({
    span: [h.span('Ukrainian forces were continuing')[0], h.span('the General Staff added')[1]], source: h.span('the General Staff added'), entity: staff, cue: [h.span('the General Staff added')[1] - 5, h.span('the General Staff added')[1]], lemma: 'add',
    content: [h.span('Ukrainian forces were continuing')[0], h.span('to gain a foothold”')[1]], stance: 'assert', side: 'UA',
  });
  h.attribution({
    span: [h.span('one platoon commander')[0], h.span('virtually the entire city”')[1]], source: h.span('one platoon commander'), entity: platoon, cue: h.span('telling'), lemma: 'tell',
    content: [h.span('Russian forces were “infiltrating')[0], h.span('virtually the entire city”')[1]], stance: 'assert', side: 'UA', time: h.time('Wednesday', 3),
  });
  return h.build();
}
