import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';
import { aliasEndingAt, sideOfRange } from './side-words.js';
import { PATRONYMIC } from '../cyrillic-names.js';

/** Words that name a body, not a person: a capitalised one ends the role, and the name starts after it ("... Military Administration Vadym Filashkin"). */
const BODY_WORDS = new Set(['administration', 'council', 'committee', 'office', 'staff', 'service', 'directorate', 'duma', 'rada', 'parliament', 'chamber', 'assembly', 'republic', 'region', 'oblast', 'command', 'ministry', 'forces', 'group', 'army', 'brigade', 'corps', 'agency', 'department', 'guard', 'navy', 'fleet', 'front']);

/** Tokens read after a Russian or Ukrainian title for the name: a body's or place's name in the genitive may come first. */
const CYRILLIC_REACH = 8;
const GENITIVE_ADJECTIVE = /(?:ской|цкой|зской|ского|цкого|ської|цької|зької|ського|цького)$/u;
const QUOTES = new Set(['«', '»', '"', '“', '”', '„']);
const isCyrillic = (word: string): boolean => /^\p{Script=Cyrillic}/u.test(word);

/**
 * A person named after a title: "Kremlin spokesperson Dmitry Peskov", "AFU
 * Commander-in-Chief Oleksandr Syrskyi". The name is the run of capitalised
 * words after the last title word; the words before it are the role. The side
 * comes from the dictionary (a known person) or from the role ("Kremlin" → RU).
 */
export function extractTitledPersons(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!lexicon.titles.has(t.norm) || t.norm === 'of' || t.norm === 'the') continue;
    // the name: 2..3 capitalised words that are not titles themselves
    // "Lt. Col. Nadav X": an abbreviated title's full stop
    let j = tokens[i + 1]?.text === '.' ? i + 2 : i + 1;
    let first = j;
    while (j < to && j - first <= 2 && isCapitalized(tokens[j]) && !lexicon.titles.has(tokens[j]!.norm) && tokens[j]!.norm !== "'s") {
      if (BODY_WORDS.has(tokens[j]!.norm)) first = j + 1;
      j++;
    }
    // "Голова Харківської ОВА Олег Синєгубов", "Мер Харкова Ігор Терехов": in Russian and Ukrainian the
    // body or place the title is of stands between it and the name, in the genitive: the name is the
    // last two words of the run (three with a patronymic), the words before it the role's
    if (first < to && isCyrillic(tokens[first]!.text)) {
      const name = cyrillicNameAfter(tokens, first, to, lexicon);
      if (!name) continue;
      [first, j] = name;
    }
    const nameLength = j - first;
    if (nameLength < 2 || tokens[j]?.norm === "'s") continue;
    // "the Donetsk Regional Military Administration Vadym Filashkin": the body's words belong to the role
    const last = first - 1;
    // the role: title words and capitalised words before the name, back to a boundary
    let r = i;
    while (r - 1 >= from) {
      const p = tokens[r - 1]!;
      if (p.text === ')' || p.text === '(' || (p.text === '.' && lexicon.titles.has(tokens[r - 2]?.norm ?? ''))) { r--; continue; }
      if (lexicon.titles.has(p.norm) || isCapitalized(p) || p.norm === "'s") { r--; continue; }
      break;
    }
    while (r < i && (tokens[r]!.norm === 'the' || tokens[r]!.norm === 'of')) r++;
    const role = tokensText(text, tokens, r, last + 1);
    // the side the role states: a body named ("RSF spokesman", "Khortytsia group spokesperson"), a nationality, an alignment
    // or of a body named right before it ("Southern group of forces spokesman X")
    const side = sideOfRange(tokens, r, last + 1, lexicon)?.side ?? bodyBefore(tokens, r, i, from, lexicon) ?? 'UNKNOWN';
    out.push({ from: first, to: j, kind: 'person', side, name: tokensText(text, tokens, first, j), key: null, role, resolution: 'rule', rule: 'title-name' });
    i = j - 1;
  }
  return out;
}

/** The side of a dictionary body whose name ends inside the role's first words or right before them ("Southern group of forces spokesman"). */
function bodyBefore(tokens: readonly Token[], roleStart: number, title: number, from: number, lexicon: ActorLexicon): string | undefined {
  for (let end = title; end >= roleStart; end--) {
    const hit = aliasEndingAt(tokens, end, from, lexicon);
    if (hit && hit.start < roleStart) return hit.actor.side;
  }
  return undefined;
}

/**
 * The name after a Russian or Ukrainian title, past the body or place it is of ("Голова Харківської ОВА
 * Олег Синєгубов", "Речник Повітряних сил Юрій Ігнат", "представитель МИД России Мария Захарова"): the
 * first run of two or more capitalised words (not acronyms) that ends before a lower-case word or a stop;
 * of a longer run, the last two words, three with a patronymic ("Володимир Олександрович Зеленський").
 */
function cyrillicNameAfter(tokens: readonly Token[], from: number, to: number, lexicon: ActorLexicon): [number, number] | null {
  let start = -1;
  for (let k = from; k <= Math.min(to, from + CYRILLIC_REACH); k++) {
    const w = tokens[k];
    const nameWord = k < to && w !== undefined && isCapitalized(w) && isCyrillic(w.text) && !lexicon.titles.has(w.norm) && !/^\p{Lu}{2,}$/u.test(w.text);
    if (nameWord) {
      if (start < 0) start = k;
      continue;
    }
    if (start >= 0 && k - start >= 2) {
      const long = k - start >= 3 && PATRONYMIC.test(tokens[k - 2]!.norm);
      // a surname after a title is in the nominative, never an adjective's genitive ("… Донецкой")
      return GENITIVE_ADJECTIVE.test(tokens[k - 1]!.norm) ? null : [Math.max(start, k - (long ? 3 : 2)), k];
    }
    start = -1;
    if (w === undefined || (w.kind === 'punct' && !QUOTES.has(w.text))) return null;
  }
  return null;
}

