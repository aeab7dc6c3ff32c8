import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';

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
    let j = i + 1;
    while (j < to && j - i <= 3 && isCapitalized(tokens[j]) && !lexicon.titles.has(tokens[j]!.norm) && tokens[j]!.norm !== "'s") j++;
    const nameLength = j - (i + 1);
    if (nameLength < 2 || tokens[j]?.norm === "'s") continue;
    // the role: title words and capitalised words before the name, back to a boundary
    let r = i;
    while (r - 1 >= from) {
      const p = tokens[r - 1]!;
      if (p.text === ')' || p.text === '(') { r--; continue; }
      if (lexicon.titles.has(p.norm) || isCapitalized(p) || p.norm === "'s") { r--; continue; }
      break;
    }
    while (r < i && (tokens[r]!.norm === 'the' || tokens[r]!.norm === 'of')) r++;
    const role = tokensText(text, tokens, r, i + 1);
    let side = 'UNKNOWN';
    for (let k = r; k <= i; k++) {
      const known = lexicon.aliasesByFirst.get(tokens[k]!.norm)?.find((a) => a.norms.length === 1);
      const s = known?.actor.side ?? lexicon.demonyms.get(tokens[k]!.norm) ?? lexicon.countries.get(tokens[k]!.norm);
      if (s) { side = s; break; }
    }
    out.push({ from: i + 1, to: j, kind: 'person', side, name: tokensText(text, tokens, i + 1, j), key: null, role, resolution: 'rule', rule: 'title-name' });
    i = j - 1;
  }
  return out;
}
