import { stem } from './text-tokens.js';

/** The cue lists of data/stance/cues.json, stemmed for matching. */
export interface CueLexicon {
  readonly refuting: ReadonlySet<string>;
  readonly hedging: ReadonlySet<string>;
  readonly supporting: ReadonlySet<string>;
  readonly negation: ReadonlySet<string>;
  readonly stopwords: ReadonlySet<string>;
}

interface CueList {
  readonly source: string;
  readonly words: readonly string[];
}

/** Validates the parsed JSON of data/stance/cues.json; throws with the list that is wrong. */
export function cueLexicon(json: unknown): CueLexicon {
  const lists = ['refuting', 'hedging', 'supporting', 'negation', 'stopwords'] as const;
  const obj = json as Record<string, CueList | undefined>;
  const sets = {} as Record<(typeof lists)[number], Set<string>>;
  for (const name of lists) {
    const list = obj?.[name];
    if (!list || typeof list.source !== 'string' || !Array.isArray(list.words) || !list.words.every((w) => typeof w === 'string')) {
      throw new Error(`stance cues: "${name}" must be { source: string, words: string[] } (see data/stance/cues.json)`);
    }
    sets[name] = new Set(list.words.map((w) => stem(w.toLowerCase().replace(/['’]/g, ''))));
  }
  return sets;
}
