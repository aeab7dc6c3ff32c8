import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Attribution, Span, Token } from '../model/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { tokenize } from '../read/segment/index.js';
import { prf, type DatasetScores, type Scorer } from './scorer.js';

/** One gold attribution of PolNeAR: the spans of each role (a role may be discontinuous). */
export interface GoldAttribution {
  readonly cue: readonly Span[];
  readonly source: readonly Span[];
  readonly content: readonly Span[];
}

/**
 * Parses a brat standoff file of PolNeAR: `T` lines give a role and its
 * (possibly discontinuous, `;`-separated) character offsets, `E` lines tie
 * roles into one attribution (`Content2` is more content).
 */
export function parsePolnearAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    if (cols[0]!.startsWith('T')) {
      const body = cols[1]!;
      const space = body.indexOf(' ');
      spans.set(cols[0]!, body.slice(space + 1).split(';').map((p) => p.trim().split(/\s+/).map(Number) as unknown as Span));
    } else if (cols[0]!.startsWith('E')) {
      const roles: Record<string, Span[]> = { Cue: [], Source: [], Content: [] };
      for (const part of cols[1]!.split(' ')) {
        const [role, id] = part.split(':');
        const key = role?.replace(/\d+$/, '');
        if (key && id && key in roles) roles[key]!.push(...(spans.get(id) ?? []));
      }
      if (roles.Cue!.length > 0) out.push({ cue: roles.Cue!, source: roles.Source!, content: roles.Content! });
    }
  }
  return out;
}

/** Per article, the annotation file whose annotator suffix sorts first (`<article>_<annotator>.ann`). */
export function firstAnnotations(files: readonly string[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const f of [...files].filter((n) => n.endsWith('.ann')).sort()) {
    const article = f.replace(/_[^_]*\.ann$/, '');
    if (!chosen.has(article)) chosen.set(article, f);
  }
  return chosen;
}

const SPEECH_FORMS = new Set<string>();

/**
 * PolNeAR (Newell, Margolin & Ruths, LREC 2018), every split present: token
 * P/R/F1 per role over word and number tokens (punctuation left out, so a
 * quote mark or final comma in or out of a span does not count); attribution
 * P/R/F1 where a prediction matches an unmatched gold attribution whose cue it
 * overlaps, (a) on the cue alone and (b) with source and content each covering
 * at least half of the gold role's tokens; cue recall split by speech cues
 * (a form of a speech verb of data/cues) and other cues (thought, feeling, evidence).
 */
export const polnearScorer: Scorer = {
  dataset: 'polnear',
  async score(dir, options) {
    const resources = await loadResources();
    // Attribution reads no places: leave the gazetteer out to keep the run short.
    const pipeline = createPipeline({ ...resources, places: undefined } as typeof resources);
    const speech = new Set<string>();
    for (const [first, entries] of resources.cues!.byFirst) for (const e of entries) if (e.class === 'speech') speech.add(first);
    const results: DatasetScores = {};
    // POLNEAR_SPLITS=dev (comma-separated) scores only those splits: a quicker loop while working.
    const only = process.env.POLNEAR_SPLITS?.split(',');
    for (const split of (await readdir(dir)).sort()) {
      if (only && !only.includes(split)) continue;
      const annDir = path.join(dir, split, 'attributions');
      if (!existsSync(annDir)) continue;
      const counts = { tok: { Cue: [0, 0, 0], Source: [0, 0, 0], Content: [0, 0, 0] } as Record<string, number[]>, a: [0, 0, 0], b: [0, 0, 0], speech: [0, 0], other: [0, 0] };
      let ms = 0;
      let words = 0;
      for (const [article, annFile] of firstAnnotations(await readdir(annDir))) {
        const textPath = path.join(dir, split, 'text', `${article}.txt`);
        if (!existsSync(textPath)) continue;
        const [text, ann] = await Promise.all([readFile(textPath, 'utf8'), readFile(path.join(annDir, annFile), 'utf8')]);
        const gold = parsePolnearAnn(ann);
        const started = performance.now();
        const doc = pipeline.read({ id: article, text, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: article }, diagnostics: [] });
        ms += performance.now() - started;
        const predicted = doc.attributions.filter((a) => a.voice === 'source');
        const tokens = tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'number');
        words += tokens.length;
        const covered = (spans: readonly Span[]): Set<number> => tokenSet(tokens, spans);
        for (const role of ['Cue', 'Source', 'Content'] as const) {
          const g = new Set<number>();
          const p = new Set<number>();
          for (const a of gold) for (const t of covered(goldRole(a, role))) g.add(t);
          for (const a of predicted) for (const t of covered(predRole(a, role))) p.add(t);
          let tp = 0;
          for (const t of p) if (g.has(t)) tp++;
          counts.tok[role]![0]! += tp; counts.tok[role]![1]! += p.size; counts.tok[role]![2]! += g.size;
        }
        const goldSets = gold.map((a) => ({ cue: covered(a.cue), source: covered(a.source), content: covered(a.content), a }));
        const predSets = predicted.map((a) => ({ cue: covered(predRole(a, 'Cue')), source: covered(predRole(a, 'Source')), content: covered(predRole(a, 'Content')), a }));
        const usedA = new Set<number>();
        const usedB = new Set<number>();
        for (const p of predSets) {
          const gi = goldSets.findIndex((g, i) => !usedA.has(i) && overlaps(g.cue, p.cue));
          if (gi !== -1) usedA.add(gi);
          const bi = goldSets.findIndex((g, i) => !usedB.has(i) && overlaps(g.cue, p.cue) && halfCovered(g.source, p.source) && halfCovered(g.content, p.content));
          if (bi !== -1) usedB.add(bi);
          else if (options.misses && gi !== -1) {
            const g = goldSets[gi]!.a;
            options.log(`polnear ${split} PARTIAL ${article}\n  gold: [${show(text, g.source)}] <${show(text, g.cue)}> {${show(text, g.content).slice(0, 160)}}\n  pred: [${p.a.source?.text ?? ''}] <${p.a.cue!.text}> {${p.a.content.text.slice(0, 160)}} (${p.a.origin.rule})`);
          } else if (options.misses) options.log(`polnear ${split} FP ${article}: [${p.a.source?.text ?? ''}] <${p.a.cue!.text}> {${p.a.content.text.slice(0, 160)}} (${p.a.origin.rule})`);
        }
        counts.a[0]! += usedA.size; counts.a[1]! += predSets.length; counts.a[2]! += goldSets.length;
        counts.b[0]! += usedB.size; counts.b[1]! += predSets.length; counts.b[2]! += goldSets.length;
        goldSets.forEach((g, i) => {
          const isSpeech = [...g.cue].some((t) => speech.has(tokens[t]!.norm));
          const bucket = isSpeech ? counts.speech : counts.other;
          bucket[1]!++;
          if (usedA.has(i)) bucket[0]!++;
          else if (options.misses) options.log(`polnear ${split} FN ${article}: [${show(text, g.a.source)}] <${show(text, g.a.cue)}> {${show(text, g.a.content).slice(0, 160)}}`);
        });
      }
      const m: Record<string, number> = {};
      for (const [role, name] of [['Cue', 'cue'], ['Source', 'source'], ['Content', 'content']] as const) {
        const [tp, p, g] = counts.tok[role]!;
        const s = prf(tp!, p!, g!);
        Object.assign(m, { [`${name}_token_p`]: s.p, [`${name}_token_r`]: s.r, [`${name}_token_f1`]: s.f1 });
      }
      for (const [key, c] of [['attr_cue', counts.a], ['attr_full', counts.b]] as const) {
        const s = prf(c[0]!, c[1]!, c[2]!);
        Object.assign(m, { [`${key}_p`]: s.p, [`${key}_r`]: s.r, [`${key}_f1`]: s.f1 });
      }
      m.speech_cue_r = counts.speech[1] ? counts.speech[0]! / counts.speech[1]! : 0;
      m.other_cue_r = counts.other[1] ? counts.other[0]! / counts.other[1]! : 0;
      m.gold_attributions = counts.a[2]!;
      m.ms_per_1k_words = words ? (ms / words) * 1000 : 0;
      results[split] = m;
    }
    void SPEECH_FORMS;
    return results;
  },
};

function goldRole(a: GoldAttribution, role: 'Cue' | 'Source' | 'Content'): readonly Span[] {
  return role === 'Cue' ? a.cue : role === 'Source' ? a.source : a.content;
}

function predRole(a: Attribution, role: 'Cue' | 'Source' | 'Content'): readonly Span[] {
  if (role === 'Cue') return a.cue ? [a.cue.span] : [];
  if (role === 'Source') return a.source ? [a.source.span] : [];
  return [a.content.span, ...(a.contentParts ?? []).map((p) => p.span)];
}

/** Indexes of the tokens whose middle lies inside one of the spans. */
function tokenSet(tokens: readonly Token[], spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of spans) {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.span[1] <= s) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < tokens.length && tokens[k]!.span[0] < e; k++) {
      const middle = (tokens[k]!.span[0] + tokens[k]!.span[1]) / 2;
      if (middle >= s && middle <= e) out.add(k);
    }
  }
  return out;
}

const overlaps = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => [...a].some((t) => b.has(t));

/** At least half of the gold tokens are predicted; a role absent from gold is matched by anything. */
function halfCovered(gold: ReadonlySet<number>, predicted: ReadonlySet<number>): boolean {
  if (gold.size === 0) return true;
  let hit = 0;
  for (const t of gold) if (predicted.has(t)) hit++;
  return hit * 2 >= gold.size;
}

const show = (text: string, spans: readonly Span[]): string => spans.map(([s, e]) => text.slice(s, e)).join(' | ').replace(/\s+/g, ' ');
