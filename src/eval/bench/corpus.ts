import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface BenchText {
  readonly name: string;
  readonly text: string;
}

/**
 * The benchmark corpus: every .txt file under `dir`, recursively, in sorted
 * order. By default the PolNeAR article texts (≈6 MB of real news).
 */
export function loadCorpus(dir: string): BenchText[] {
  if (!existsSync(dir)) throw new Error(`bench corpus ${dir} does not exist; pass --corpus DIR`);
  const out: BenchText[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.txt')) out.push({ name: path.relative(dir, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
