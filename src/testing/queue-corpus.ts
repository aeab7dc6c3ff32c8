import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const POLNEAR = path.resolve(ROOT, '..', 'shared', 'data', 'polnear');

/**
 * A reproducible corpus of real reporting for the queue's fault test and
 * bench: sentences of example/pokrovsk.txt and, when present, the PolNeAR
 * article texts, cut into documents of 5–14 consecutive sentences by a fixed
 * pseudo-random sequence; one in 25 is a near copy of an earlier document (a
 * sentence added), so near-duplicate linking is exercised too. Written as
 * one JSON Lines file.
 */
export function writeQueueCorpus(file: string, count: number): { readonly documents: number; readonly sentences: number } {
  const sentences = loadSentences();
  let seed = 0x2545f491;
  const next = (): number => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed;
  };
  const outlets = ['Reuters', 'AP', 'Kyiv Independent', 'TASS', 'BBC'];
  const earlier: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i > 30 && i % 25 === 0) {
      text = `${earlier[next() % earlier.length]!} ${sentences[next() % sentences.length]!}`;
    } else {
      const start = next() % sentences.length;
      const length = 5 + (next() % 10);
      const picked: string[] = [];
      for (let k = 0; k < length; k++) picked.push(sentences[(start + k) % sentences.length]!);
      text = `${picked.join(' ')} (Report ${i}.)`;
      earlier[i % 40] = text;
    }
    lines.push(JSON.stringify({ id: `q-${i}`, title: `Bulletin ${i}`, outlet: outlets[i % outlets.length], published: `2025-11-${String(1 + (i % 28)).padStart(2, '0')}`, text }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { documents: count, sentences: sentences.length };
}

function loadSentences(): string[] {
  const files = [path.join(ROOT, 'example', 'pokrovsk.txt')];
  for (const split of ['train', 'dev']) {
    const dir = path.join(POLNEAR, split, 'text');
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) files.push(path.join(dir, f));
  }
  const out: string[] = [];
  for (const f of files) {
    for (const s of readFileSync(f, 'utf8').split(/(?<=[.!?”"])\s+/)) if (s.split(/\s+/).length >= 6) out.push(s.trim());
  }
  return out;
}
