import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDocument } from '../../ingest/index.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { toLedgerDocument } from '../../report/ledger-json.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';

const EXAMPLE = fileURLToPath(new URL('../../../example/pokrovsk.txt', import.meta.url));

/** The bundled example read by the real pipeline, whatever stages it has today. */
export async function analysedExample(): Promise<LedgerDocument> {
  const text = readFileSync(EXAMPLE, 'utf8');
  return toLedgerDocument(createPipeline(await loadResources()).read(sourceDocument(text, { published: '2025-11-06', language: 'en', source: 'example/pokrovsk.txt', title: 'Russia calls on Ukrainian troops in Pokrovsk to surrender' })));
}

/**
 * The bundled example with hand-placed items of every kind, for UI and API
 * tests that must not move when an extractor changes: the items are what the
 * extractors are meant to find (issues 3-6), marked with stage 'fixture'.
 * Spans are found in the text, so they always satisfy the data contract.
 */
export async function annotatedExample(): Promise<LedgerDocument> {
  const base = await analysedExample();
  const text = base.text;
  const at = (needle: string, nth = 0): [number, number] => {
    let from = -1;
    for (let i = 0; i <= nth; i++) {
      from = text.indexOf(needle, from + 1);
      if (from < 0) throw new Error(`fixture: '${needle}' #${nth} not in the example`);
    }
    return [from, from + needle.length];
  };
  const origin = (rule: string) => ({ stage: 'fixture', rule });
  const item = <K extends string>(kind: K, span: [number, number]) => ({ id: `${kind}:${span[0]}-${span[1]}`, span, text: text.slice(span[0], span[1]) });
  const pokrovsk = (nth: number) => ({
    ...item('place', at('Pokrovsk', nth)), origin: origin('gazetteer.exact'), kind: 'place' as const,
    name: 'Pokrovsk', geonameId: 704422, lat: 48.28198, lon: 37.17585, country: 'UA', admin1: 'Donetsk', admin2: null,
    featureClass: 'P', featureCode: 'PPLA2', historicName: false, confidence: 0.95, why: ['context.donetsk-region'],
  });
  const places = [0, 1, 2, 3, 4, 5].map(pokrovsk);
  places.push({
    ...item('place', at('Avdiivka')), origin: origin('gazetteer.alias'), kind: 'place' as const,
    name: 'Avdiyivka', geonameId: 713122, lat: 48.13989, lon: 37.74255, country: 'UA', admin1: 'Donetsk', admin2: null,
    featureClass: 'P', featureCode: 'PPL', historicName: false, confidence: 0.9, why: ['context.donetsk-region'],
  });
  places.push({
    ...item('place', at('Kyiv')), origin: origin('gazetteer.exact'), kind: 'place' as const,
    name: 'Kyiv', geonameId: 703448, lat: 50.45466, lon: 30.5238, country: 'UA', admin1: 'Kyiv City', admin2: null,
    featureClass: 'P', featureCode: 'PPLC', historicName: false, confidence: 0.6, why: ['metonymy.government'],
  });
  const entities = [
    { id: 'entity:ru-mod', name: 'Russian Defence Ministry', kind: 'government' as const, side: 'RU', role: null, key: 'ru.mod', mentions: ['actor:' + at('Russia’s Defence Ministry').join('-')] },
    { id: 'entity:syrskyi', name: 'Oleksandr Syrskyi', kind: 'person' as const, side: 'UA', role: 'Commander-in-Chief', key: 'ua.syrskyi', mentions: ['actor:' + at('Oleksandr Syrskyi').join('-')] },
  ];
  const actors = [
    { ...item('actor', at('Russia’s Defence Ministry')), origin: origin('dictionary.name'), kind: 'actor' as const, entity: 'entity:ru-mod', resolution: 'stated' as const },
    { ...item('actor', at('Oleksandr Syrskyi')), origin: origin('dictionary.name'), kind: 'actor' as const, entity: 'entity:syrskyi', resolution: 'stated' as const },
  ];
  const sentenceSpan = at('Russia’s Defence Ministry called on Ukrainian troops in the embattled frontline city of Pokrovsk to surrender');
  const attributions = [{
    ...item('attribution', sentenceSpan), origin: origin('cue.called-on'), kind: 'attribution' as const, voice: 'source' as const,
    source: { span: actors[0]!.span, text: actors[0]!.text, entity: 'entity:ru-mod' }, speaker: 'entity:ru-mod',
    cue: { span: at('called on'), text: 'called on', lemma: 'call on' },
    content: { span: at('Ukrainian troops in the embattled frontline city of Pokrovsk to surrender'), text: 'Ukrainian troops in the embattled frontline city of Pokrovsk to surrender' },
    stance: 'demand' as const, direct: 'indirect' as const, time: null, side: 'RU', nestedIn: null,
  }];
  const quantities = [{
    ...item('quantity', at('an additional 11,000 troops')), origin: origin('number.with-unit'), kind: 'quantity' as const,
    value: 11000, high: null, unit: 'troops', modifiers: ['additional' as const],
  }];
  const byStart = <T extends { span: readonly [number, number]; id: string }>(list: T[]) => list.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1] || a.id.localeCompare(b.id));
  return { ...base, places: byStart(places), entities, actors: byStart(actors), attributions, quantities } as unknown as LedgerDocument;
}

/** A store in a fresh temporary folder, removed by `dispose`. */
export async function temporaryStore(docs: readonly LedgerDocument[] = []): Promise<{ store: Store; db: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-server-'));
  const db = path.join(dir, 'test.db');
  const store = await openStore(db);
  for (const doc of docs) await store.saveDocument(doc);
  return { store, db, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
