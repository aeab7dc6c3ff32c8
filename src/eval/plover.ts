import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceDocument } from '../ingest/index.js';
import type { Event, PloverEventType } from '../model/index.js';
import { loadResources } from '../read/load-resources.js';
import { createPipeline } from '../read/pipeline.js';
import { prf, type DatasetScores, type Scorer } from './scorer.js';

const FILE = 'PLOVER_GSR_CAMEO.txt';

interface GoldActor {
  readonly actorText?: string;
}

interface GoldRecord {
  readonly id: string;
  readonly event: string;
  readonly text: string;
  /** One actor or a list (the file has both shapes). */
  readonly source?: GoldActor | readonly GoldActor[];
  readonly target?: GoldActor | readonly GoldActor[];
}

/**
 * The gold records are coded in PLOVER 0.5 (2016): what the 2021 manual calls
 * ACCUSE and REQUEST were then DISAPPROVE and DEMAND. Our types map onto
 * theirs before comparing; nothing maps the other way.
 */
const TO_GOLD_VERSION: Partial<Record<PloverEventType, string>> = { ACCUSE: 'DISAPPROVE', REQUEST: 'DEMAND' };

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', "'s", 's']);

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !STOP.has(w)));
}

/** A predicted actor matches when it shares a content word with one of the gold actors of that role ("Romanian officials" ~ "Romanian"). */
function actorMatches(predicted: string | null, gold: readonly GoldActor[]): boolean {
  if (predicted === null) return false;
  const words = contentWords(predicted);
  return gold.some((g) => [...contentWords(g.actorText ?? '')].some((w) => words.has(w)));
}

function asList(actors: GoldActor | readonly GoldActor[] | undefined): readonly GoldActor[] {
  return actors === undefined ? [] : Array.isArray(actors) ? actors : [actors as GoldActor];
}

/** The event a coder would give the sentence: the main event of the first sentence that has events. */
export function sentenceEvent(events: readonly Event[]): Event | null {
  const first = events.reduce<number | null>((m, e) => (m === null || e.sentence < m ? e.sentence : m), null);
  if (first === null) return null;
  const inFirst = events.filter((e) => e.sentence === first);
  return inFirst.find((e) => e.main) ?? inFirst[0] ?? null;
}

/**
 * PLOVER gold standard records (openeventdata/PLOVER): each record is one
 * sentence with one coded event. We read the sentence through the whole
 * pipeline and take its main event. A sentence for which we code nothing
 * counts as wrong in `event_accuracy` and as a false negative of its gold type
 * in `event_macro_f1` (macro over the gold types); `event_coverage` is the
 * share of sentences with a prediction. `source_match` / `target_match`: share
 * of records with a gold source (target) where our main event's actor
 * (recipient) shares a content word with a gold one; no prediction = miss.
 */
export const ploverScorer: Scorer = {
  dataset: 'plover',
  async score(dir, { misses, log }) {
    const records = (JSON.parse(await readFile(path.join(dir, FILE), 'utf8')) as GoldRecord[]).filter((r) => r.event !== 'DOCUMENT');
    const pipeline = createPipeline(await loadResources());
    const predicted: Array<string | null> = [];
    let sourceGold = 0;
    let sourceHit = 0;
    let targetGold = 0;
    let targetHit = 0;
    const started = performance.now();
    for (const record of records) {
      const doc = pipeline.read(sourceDocument(record.text, { published: '2000-01-01' }));
      const event = sentenceEvent(doc.events);
      const type = event ? (TO_GOLD_VERSION[event.type] ?? event.type) : null;
      predicted.push(type);
      const actorText = event?.actorSpan ? doc.text.slice(...event.actorSpan) : null;
      const recipientText = event?.recipientSpan ? doc.text.slice(...event.recipientSpan) : null;
      const sources = asList(record.source);
      const targets = asList(record.target);
      if (sources.length > 0) {
        sourceGold++;
        if (actorMatches(actorText, sources)) sourceHit++;
      }
      if (targets.length > 0) {
        targetGold++;
        if (actorMatches(recipientText, targets)) targetHit++;
      }
      if (misses && type !== record.event) {
        log(`miss ${record.event} -> ${type ?? 'none'} [${event?.text ?? ''}] ${record.id}: ${record.text}`);
      }
    }
    const ms = performance.now() - started;
    const gold = records.map((r) => r.event);
    const classes = [...new Set(gold)].sort();
    const f1s = classes.map((c) => {
      const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
      return prf(tp, predicted.filter((p) => p === c).length, gold.filter((g) => g === c).length).f1;
    });
    const metrics: Record<string, number> = {
      records: records.length,
      event_accuracy: gold.filter((g, i) => predicted[i] === g).length / records.length,
      event_macro_f1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
      event_coverage: predicted.filter((p) => p !== null).length / records.length,
      source_match: sourceGold === 0 ? 0 : sourceHit / sourceGold,
      target_match: targetGold === 0 ? 0 : targetHit / targetGold,
      sentences_per_second: Math.round(records.length / (ms / 1000)),
    };
    const out: DatasetScores = { [FILE]: metrics };
    return out;
  },
};
