import { textTable } from '../text-table.js';
/** The context words of data/places/context-cues.tsv, by category (loaded at the edge, passed to the stage). */
export interface ContextCues {
  readonly locative: ReadonlySet<string>;
  readonly settlement: ReadonlySet<string>;
  readonly regionWord: ReadonlySet<string>;
  readonly direction: ReadonlySet<string>;
  readonly title: ReadonlySet<string>;
  readonly orgWord: ReadonlySet<string>;
  readonly governmentVerb: ReadonlySet<string>;
  readonly governmentNoun: ReadonlySet<string>;
  readonly governmentObjectVerb: ReadonlySet<string>;
  readonly notPlace: ReadonlySet<string>;
}

const CATEGORY: Readonly<Record<string, keyof ContextCues>> = textTable({
  locative: 'locative', settlement: 'settlement', 'region-word': 'regionWord', direction: 'direction',
  title: 'title', 'org-word': 'orgWord', 'government-verb': 'governmentVerb', 'government-noun': 'governmentNoun',
  'government-object-verb': 'governmentObjectVerb', 'not-place': 'notPlace',
});

/** Parses the cue file (`category<TAB>word`, `#` comments); throws naming the line on an unknown category. */
export function parseContextCues(text: string, file = 'context-cues.tsv'): ContextCues {
  const sets: Record<keyof ContextCues, Set<string>> = {
    locative: new Set(), settlement: new Set(), regionWord: new Set(), direction: new Set(), title: new Set(),
    orgWord: new Set(), governmentVerb: new Set(), governmentNoun: new Set(), governmentObjectVerb: new Set(), notPlace: new Set(),
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [category, word] = line.split('\t');
    const key = CATEGORY[category ?? ''];
    if (!key || !word) throw new Error(`${file}:${i + 1}: expected 'category<TAB>word' with a category among ${Object.keys(CATEGORY).join(', ')}`);
    sets[key].add(word.toLowerCase());
  });
  return sets;
}
