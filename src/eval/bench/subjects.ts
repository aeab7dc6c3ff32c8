import * as chrono from 'chrono-node';
import { sourceDocument } from '../../ingest/index.js';
import { createPipeline } from '../../read/pipeline.js';
import { loadLanguageResources, loadResources } from '../../read/load-resources.js';
import { emptyAnalysis } from '../../model/index.js';
import { createSegmentStage } from '../../read/segment/index.js';
import { createTimeStage } from '../../read/time/index.js';

/**
 * What `npm run bench` measures, each in its own child process so start-up and
 * peak memory are its own: our whole pipeline, and the date taggers we are
 * compared with (chrono-node's `parse`, compromise's `.dates()`), on the same texts.
 * Each returns a function that processes one text.
 */
/**
 * What a subject found in one text, counted: the items of an analysed document (times, places,
 * actors, attributions, quantities, events, claims), or the length of a list of results. The
 * bench fails when a subject finds nothing in the whole corpus: a broken reader is fast.
 */
export function itemCount(output: unknown): number {
  if (Array.isArray(output)) return output.length;
  if (output && typeof output === 'object') {
    const doc = output as Partial<Record<'times' | 'places' | 'actors' | 'attributions' | 'quantities' | 'events' | 'claims', readonly unknown[]>>;
    return (doc.times?.length ?? 0) + (doc.places?.length ?? 0) + (doc.actors?.length ?? 0) + (doc.attributions?.length ?? 0)
      + (doc.quantities?.length ?? 0) + (doc.events?.length ?? 0) + (doc.claims?.length ?? 0);
  }
  return 0;
}

export interface SubjectOptions {
  /** The texts' language (`--language`: ru, uk), read with that language's resources as the product reads them; English when absent. */
  readonly language?: string;
}

export const SUBJECTS: Record<string, (options: SubjectOptions) => Promise<(text: string) => unknown>> = {
  async pipeline({ language }) {
    const pipeline = createPipeline(await loadResources());
    return (text) => pipeline.read(sourceDocument(text, { published: '2016-10-01', language: language ?? null }));
  },
  /** The foundation's own pipeline (issue 2): segmentation and time expressions, what chrono-node is compared with. */
  async 'segment + time'({ language }) {
    const resources = language ? await loadLanguageResources(language) : {};
    const stages = [
      createSegmentStage(language && resources.abbreviations ? { abbreviations: { [language]: resources.abbreviations } } : {}),
      createTimeStage(language && resources.time ? { languages: { [language]: resources.time } } : {}),
    ];
    return (text) => stages.reduce((doc, stage) => stage.run(doc, {}), emptyAnalysis(sourceDocument(text, { published: '2016-10-01', language: language ?? null })));
  },
  async 'chrono-node parse'() {
    const ref = new Date('2016-10-01T12:00:00Z');
    return (text) => chrono.parse(text, ref);
  },
  async 'compromise dates'() {
    const nlp = (await import('compromise')).default;
    const dates = (await import('compromise-dates')).default;
    nlp.plugin(dates);
    return (text) => (nlp(text) as unknown as { dates: (o: object) => { json: () => unknown } }).dates({ today: '2016-10-01' }).json();
  },
};
