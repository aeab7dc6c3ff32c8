import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';
import { aliasAt, sideOfRange } from './side-words.js';

/** Name particles written in lower case inside a name ("Abdel Fattah al-Burhan", "Ursula von der Leyen"). */
const PARTICLE = /^(al|el|ad|an|as|ash|at|az|bin|ibn|abu|de|del|der|van|von|la|le)(-\p{Lu}.*)?$/u;
const DETERMINERS = new Set(['a', 'an', 'the']);
const APPOSITION_END = new Set([',', ';', '(', ')', '—', '–']);

/**
 * A person named with an apposition that says who they are: "Mariana
 * Bezuhla, a Ukrainian lawmaker, said", "Bashir Tabiq, an adviser to the RSF
 * commander, stated", "Ruslan Leviev, founder of the independent war monitor
 * Conflict Intelligence Team, told". The name is a run of two to four
 * capitalised words (lower-case particles inside); the apposition runs to the
 * next comma or the sentence end and has a role noun among its first words.
 * The side is the one the apposition states (`sideOfRange`: the body named,
 * a nationality, an outside observer); the apposition becomes the role.
 */
export function extractAppositivePersons(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  const nameWord = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word'
    && (isCapitalized(t) || PARTICLE.test(t.text)) && !lexicon.titles.has(t.norm) && !lexicon.phraseBreaks.has(t.norm)
    && !lexicon.demonyms.has(t.norm) && !lexicon.countries.has(t.norm);
  for (let s = from; s < to; s++) {
    if (!isCapitalized(tokens[s]) || !nameWord(tokens[s])) continue;
    if (s > from && (nameWord(tokens[s - 1]) || tokens[s - 1]!.norm === "'s")) continue; // not the start of a run
    let e = s + 1;
    while (e < to && e - s < 5 && nameWord(tokens[e])) e++;
    if (e - s < 2 || e - s > 4 || !isCapitalized(tokens[e - 1]) || tokens[e]?.text !== ',') continue;
    // the apposition: an optional article, then words to the next comma or the sentence end
    let a = e + 1;
    if (DETERMINERS.has(tokens[a]?.norm ?? '')) a++;
    let z = a;
    while (z < to && !APPOSITION_END.has(tokens[z]!.text) && tokens[z]!.kind !== 'quote' && z - a < 14) z++;
    const closed = z === to || APPOSITION_END.has(tokens[z]!.text) || (z === to - 1 && tokens[z]!.kind === 'punct');
    if (!closed || z === a) continue;
    // not a list of people ("Vladimir Putin, Chinese President Xi Jinping and ..."): no conjunction, no other person named
    let list = false;
    for (let k = a; k < z && !list; k++) {
      list = tokens[k]!.norm === 'and' || tokens[k]!.norm === 'or' || aliasAt(tokens, k, z, lexicon)?.actor.kind === 'person'
        || (lexicon.titles.has(tokens[k]!.norm) && tokens[k]!.norm !== 'the' && tokens[k]!.norm !== 'of' && nameWord(tokens[k + 1]) && nameWord(tokens[k + 2]));
    }
    if (list) continue;
    let role = false;
    for (let k = a; k < Math.min(z, a + 4) && !role; k++) role = lexicon.roleNouns.has(tokens[k]!.norm);
    if (!role) continue;
    const stated = sideOfRange(tokens, a, z, lexicon);
    out.push({
      from: s, to: e, kind: 'person', side: stated?.side ?? 'UNKNOWN', name: tokensText(text, tokens, s, e), key: null,
      role: tokensText(text, tokens, a, z), resolution: 'rule', rule: `appositive-person${stated ? `-${stated.how}` : ''}`,
      apposition: [e + 1, z],
    });
    s = e - 1;
  }
  return out;
}
