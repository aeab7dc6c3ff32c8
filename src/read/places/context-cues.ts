import { textTable } from '../text-table.js';
import type { Token } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
/** The context words of data/places/context-cues.tsv, by category (loaded at the edge, passed to the stage). */
export interface ContextCues {
  readonly locative: ReadonlySet<string>;
  /** Russian с/со, Ukrainian з/із/зі: 'from' (a cue) before a genitive, 'with' (none) before an instrumental. */
  readonly fromOrWith: ReadonlySet<string>;
  readonly settlement: ReadonlySet<string>;
  readonly regionWord: ReadonlySet<string>;
  /** A front-line noun after a town's name or adjective ("the Pokrovsk direction", "Покровское направление"). */
  readonly directionWord: ReadonlySet<string>;
  /** A street, square or park word (Russian, Ukrainian): the name beside it is a place the gazetteer lacks. */
  readonly streetWord: ReadonlySet<string>;
  readonly direction: ReadonlySet<string>;
  /** A noun of fighting over something ("the battle for X", "the fight for X"): "for" after it is a locative cue. */
  readonly contestWord: ReadonlySet<string>;
  readonly title: ReadonlySet<string>;
  readonly orgWord: ReadonlySet<string>;
  readonly governmentVerb: ReadonlySet<string>;
  readonly governmentNoun: ReadonlySet<string>;
  readonly governmentObjectVerb: ReadonlySet<string>;
  readonly notPlace: ReadonlySet<string>;
  /** Given names that places also bear (Russian, Ukrainian): alone, without a settlement word, the person. */
  readonly givenName: ReadonlySet<string>;
}

const CATEGORY: Readonly<Record<string, keyof ContextCues>> = textTable({
  locative: 'locative', 'from-or-with': 'fromOrWith', settlement: 'settlement', 'region-word': 'regionWord', 'direction-word': 'directionWord', 'street-word': 'streetWord', direction: 'direction',
  'contest-word': 'contestWord', title: 'title', 'org-word': 'orgWord', 'government-verb': 'governmentVerb', 'government-noun': 'governmentNoun',
  'government-object-verb': 'governmentObjectVerb', 'not-place': 'notPlace', 'given-name': 'givenName',
});

/** Parses the cue file (`category<TAB>word`, `#` comments); throws naming the line on an unknown category. */
export function parseContextCues(text: string, file = 'context-cues.tsv'): ContextCues {
  const sets: Record<keyof ContextCues, Set<string>> = {
    locative: new Set(), fromOrWith: new Set(), settlement: new Set(), regionWord: new Set(), directionWord: new Set(), streetWord: new Set(), direction: new Set(), contestWord: new Set(), title: new Set(),
    orgWord: new Set(), governmentVerb: new Set(), governmentNoun: new Set(), governmentObjectVerb: new Set(), notPlace: new Set(), givenName: new Set(),
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [category, word] = line.split('\t');
    const key = CATEGORY[category ?? ''];
    if (!key || !word) throw new Error(`${file}:${i + 1}: expected 'category<TAB>word' with a category among ${Object.keys(CATEGORY).join(', ')}`);
    // Given names are compared with folded words (й → и, apostrophes dropped), as the gazetteer's names are.
    sets[key].add(key === 'givenName' ? foldName(word) : word.toLowerCase());
  });
  return sets;
}

/**
 * The context word that ends at token `k`, and the token it starts at: a word, or an abbreviation with
 * its stop ("м." "с." "г." "обл."), which the tokenizer keeps as two tokens ("м" "."). A stop after
 * a one-letter word or a listed abbreviation reads as that abbreviation ("у м. Щастя", NER-UK's
 * spaced "с . Ясень"); a line break between them does not.
 *
 * @example cueWordEndingAt(tokenize('у м. Щастя'), 2) // => { word: 'м.', at: 1 }
 */
export function cueWordEndingAt(tokens: readonly Token[], k: number, text: string): { readonly word: string; readonly at: number } | null {
  const t = tokens[k];
  if (t === undefined) return null;
  if (t.text !== '.') return { word: t.norm, at: k };
  const before = tokens[k - 1];
  if (before === undefined || before.kind !== 'word' || before.sentence !== t.sentence || text.slice(before.span[1], t.span[0]).includes('\n')) return { word: t.norm, at: k };
  return { word: `${before.norm}.`, at: k - 1 };
}

/** Whether a set of context words holds `word`, or holds it without its abbreviation stop ("смт." for "смт"). */
export function hasCueWord(set: ReadonlySet<string>, word: string): boolean {
  return set.has(word) || (word.length > 1 && word.endsWith('.') && set.has(word.slice(0, -1)));
}
