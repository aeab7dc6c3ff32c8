import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TimeItem } from '../model/index.js';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import { prf, type DatasetScores, type ScoreOptions } from './scorer.js';

/**
 * Shared by the TempEval-3 and WikiWars scorers: reads inline-annotated
 * TimeML (TIMEX3) or ACE/TERN (TIMEX2) files, runs the pipeline on the text
 * as the official TempEval-3 toolkit sees it (the TEXT element, tags
 * stripped, entities decoded), and scores extents and attributes the way
 * TE3-evaluation.py does (UzZaman et al. 2013, §4):
 *
 * - strict match: same extent; relaxed match: extents overlap;
 * - attribute (type, value) P and R: correct attribute among relaxed matches
 *   over all system / all gold expressions (= attribute accuracy × relaxed P/R).
 */

export interface GoldTimex {
  readonly span: readonly [number, number];
  readonly text: string;
  readonly type: string | null;
  readonly value: string | null;
}

export interface GoldDocument {
  readonly file: string;
  readonly text: string;
  /** The document creation time's value (ISO date or date-time), not scored. */
  readonly dct: string | null;
  readonly timexes: readonly GoldTimex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? _m;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
}

/**
 * Parses one inline-annotated file. `tag` is TIMEX3 (value in `value`) or
 * TIMEX2 (value in `val`); the DCT comes from `<DCT>` (TimeML) or `<DATETIME>` (TIMEX2 SGML).
 */
export function parseInlineTimex(xml: string, file: string, tag: 'TIMEX3' | 'TIMEX2'): GoldDocument {
  const dctBlock = /<(DCT|DATETIME)>([\s\S]*?)<\/\1>/.exec(xml)?.[2] ?? '';
  const dctTag = new RegExp(`<${tag}\\b[^>]*>`).exec(dctBlock)?.[0] ?? '';
  const dct = attr(dctTag, tag === 'TIMEX3' ? 'value' : 'val');
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: Array<{ start: number; tag: string }> = [];
  const re = /<(\/?)([A-Za-z0-9]+)\b[^>]*?(\/?)>|[^<]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (m[2] === undefined) {
      text += decode(m[0]);
      continue;
    }
    if (m[2] !== tag) continue;
    if (m[3] === '/') continue;
    if (m[1] !== '/') {
      open.push({ start: text.length, tag: m[0] });
    } else {
      const o = open.pop();
      if (!o) continue;
      // Nested TIMEX2s (a date inside an event-based one) are each their own gold expression.
      timexes.push({
        span: [o.start, text.length], text: text.slice(o.start, text.length),
        type: attr(o.tag, 'type'), value: attr(o.tag, tag === 'TIMEX3' ? 'value' : 'val'),
      });
    }
  }
  timexes.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  return { file, text, dct, timexes };
}

/** Every file under `dir` whose name ends with one of `suffixes`, sorted, grouped by first-level folder (the corpus). */
export function findFiles(dir: string, suffixes: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (d: string, corpus: string | null): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full, corpus ?? name);
      else if (suffixes.some((s) => name.endsWith(s))) {
        const key = corpus ?? name;
        if (!out.has(key)) out.set(key, []);
        out.get(key)!.push(full);
      }
    }
  };
  walk(dir, null);
  return out;
}

interface Counts {
  gold: number; system: number; strict: number; relaxedGold: number; relaxedSystem: number;
  typeGold: number; typeSystem: number; valueGold: number; valueSystem: number;
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] < b[1] && b[0] < a[1];
const overlapLength = (a: readonly [number, number], b: readonly [number, number]): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

function best<T extends { span: readonly [number, number] }>(span: readonly [number, number], items: readonly T[]): T | undefined {
  let chosen: T | undefined;
  let most = 0;
  for (const it of items) {
    const o = overlapLength(span, it.span);
    if (o > most) {
      most = o;
      chosen = it;
    }
  }
  return chosen;
}

export interface ScoreCorpusOptions extends ScoreOptions {
  readonly dataset: string;
  /** Maps a system value to the gold's convention before comparing (TIMEX2 vs TIMEX3). */
  readonly mapValue?: (value: string | null) => string | null;
}

/** Runs the pipeline over the documents and computes the TempEval-3 metrics for one corpus. */
export function scoreCorpus(docs: readonly GoldDocument[], options: ScoreCorpusOptions, pipeline: Pipeline = createPipeline()): Record<string, number> {
  const c: Counts = { gold: 0, system: 0, strict: 0, relaxedGold: 0, relaxedSystem: 0, typeGold: 0, typeSystem: 0, valueGold: 0, valueSystem: 0 };
  const map = options.mapValue ?? ((v: string | null) => v);
  for (const doc of docs) {
    const analyzed = pipeline.read({
      id: doc.file, text: doc.text, diagnostics: [],
      meta: { title: null, outlet: null, url: null, published: doc.dct, language: 'en', source: doc.file },
    });
    const system: readonly TimeItem[] = analyzed.times;
    const gold = doc.timexes;
    c.gold += gold.length;
    c.system += system.length;
    const name = `${path.basename(doc.file)}@${doc.dct?.slice(0, 10) ?? '-'}`;
    const context = (span: readonly [number, number]): string =>
      doc.text.slice(Math.max(0, span[0] - 40), span[1] + 40).replace(/\s+/g, ' ');
    for (const g of gold) {
      if (system.some((s) => s.span[0] === g.span[0] && s.span[1] === g.span[1])) c.strict++;
      const s = best(g.span, system);
      if (!s) {
        if (options.misses) options.log(`${options.dataset} FN ${name} "${g.text}" gold=${g.value} | ${context(g.span)}`);
        continue;
      }
      c.relaxedGold++;
      if (options.misses && (s.span[0] !== g.span[0] || s.span[1] !== g.span[1])) options.log(`${options.dataset} EXTENT ${name} gold="${g.text}" system="${s.text}" (${s.origin.rule}) | ${context(g.span)}`);
      if (s.type === g.type) c.typeGold++;
      else if (options.misses && g.type) options.log(`${options.dataset} TYPE ${name} "${g.text}" gold=${g.type} system="${s.text}"=${s.type} (${s.origin.rule}) | ${context(g.span)}`);
      if (map(s.value) === g.value) c.valueGold++;
      else if (options.misses) options.log(`${options.dataset} VALUE ${name} "${g.text}" gold=${g.value} system="${s.text}"=${s.value} (${s.origin.rule}) | ${context(g.span)}`);
    }
    for (const s of system) {
      const g = best(s.span, gold);
      if (!g) {
        if (options.misses) options.log(`${options.dataset} FP ${name} "${s.text}" system=${s.value} (${s.origin.rule}) | ${context(s.span)}`);
        continue;
      }
      c.relaxedSystem++;
      if (s.type === g.type) c.typeSystem++;
      if (map(s.value) === g.value) c.valueSystem++;
    }
  }
  const out: Record<string, number> = {};
  const put = (name: string, tpSystem: number, tpGold: number): void => {
    const p = c.system === 0 ? 0 : tpSystem / c.system;
    const r = c.gold === 0 ? 0 : tpGold / c.gold;
    out[`${name}_p`] = p;
    out[`${name}_r`] = r;
    out[`${name}_f1`] = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  };
  const strict = prf(c.strict, c.system, c.gold);
  out.strict_p = strict.p;
  out.strict_r = strict.r;
  out.strict_f1 = strict.f1;
  put('relaxed', c.relaxedSystem, c.relaxedGold);
  // TIMEX2 has no type attribute: no type score there.
  if (docs.some((d) => d.timexes.some((t) => t.type !== null))) put('type', c.typeSystem, c.typeGold);
  put('value', c.valueSystem, c.valueGold);
  out.gold = c.gold;
  out.system = c.system;
  return out;
}

/** Reads every file of each corpus and scores it. */
export function scoreFolder(dir: string, suffixes: readonly string[], tag: 'TIMEX3' | 'TIMEX2', options: ScoreCorpusOptions, only?: (corpus: string) => boolean): DatasetScores {
  const scores: DatasetScores = {};
  const pipeline = createPipeline();
  for (const [corpus, files] of findFiles(dir, suffixes)) {
    if (only && !only(corpus)) continue;
    const docs = files.map((f) => parseInlineTimex(readFileSync(f, 'utf8'), f, tag));
    scores[corpus] = scoreCorpus(docs, options, pipeline);
  }
  return scores;
}
