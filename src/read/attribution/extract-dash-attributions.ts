import type { Sentence, Token } from '../../model/index.js';
import type { CueEntry } from './cue-lexicon.js';
import type { AttributionCandidate } from './attribution-candidate.js';

const DASHES = new Set(['—', '―', '–', '-', '--', '−']);
const MAX_NAME = 6;
const MAX_ROLE = 14;
const DASH: CueEntry = { lemma: '—', stance: 'assert', class: 'speech', frame: 'verb', object: false, needsQuote: false, norms: ['—'], participle: false };

const isName = (t: Token): boolean => t.kind === 'word' && /^\p{Lu}/u.test(t.text) || t.norm === "'s" || t.text === '.' || t.norm === 'al' || t.norm === 'de' || t.norm === 'van' || t.norm === 'von' || t.norm === 'bin';

/**
 * "“…” ― Sonya Herridge" and "“…” — Name, role": a quotation signed with a
 * dash or bar after its closing mark, the convention of quote round-ups and
 * social-media roundups (and epigraphs). The cue is the dash, the source the
 * capitalised name after it, the content the quotation back to its opening
 * mark within the paragraph. Only a signature counts: the name must end its
 * line (paragraph or sentence), or be followed by a comma or parenthesis and
 * a role that does; a dash in running prose ("“a disaster” — Russia had
 * lost ...", "“operation” — Putin's term — ...") names no one.
 */
export function extractDashAttributions(tokens: readonly Token[], sentences: readonly Sentence[]): AttributionCandidate[] {
  const out: AttributionCandidate[] = [];
  for (let k = 1; k < tokens.length - 1; k++) {
    const close = tokens[k - 1]!;
    if (!DASHES.has(tokens[k]!.text) || (close.text !== '”' && close.text !== '"' && close.text !== '»')) continue;
    const sentence = sentences[tokens[k]!.sentence]!;
    const paragraph = sentence.paragraph;
    // the end of the signature's line: the end of its sentence (a signature is not followed by prose in the same sentence)
    const lineEnd = sentence.tokens[1];
    let n = k + 1;
    while (n < lineEnd && n - k - 1 < MAX_NAME && isName(tokens[n]!)) n++;
    while (n > k + 1 && tokens[n - 1]!.text === '.') n--; // the line's full stop is not the name's
    if (n === k + 1 || tokens[k + 1]!.kind !== 'word') continue;
    if (n < lineEnd) {
      const after = tokens[n]!.text;
      const rest = lineEnd - n;
      const endsLine = rest === 1 && /^[.!]$/.test(after);
      const role = (after === ',' || after === '(') && rest <= MAX_ROLE;
      if (!endsLine && !role) continue;
    }
    // the opening mark, back within the paragraph
    let open = -1;
    for (let j = k - 2; j >= 0 && sentences[tokens[j]!.sentence]!.paragraph === paragraph; j--) {
      const t = tokens[j]!.text;
      if (t === '“' || t === '«' || (t === '"' && close.text === '"')) { open = j; break; }
      if (t === '”' || t === '»') break;
    }
    if (open === -1 || open >= k - 2) continue;
    out.push({ sentence: sentence.index, cue: [k, k + 1], entry: DASH, source: [k + 1, n], content: [tokens[open]!.span[0], close.span[1]], rule: 'dash-signature' });
  }
  return out;
}

/**
 * Russian and Ukrainian headlines and leads signed with a spaced dash at the end of their line:
 * "Заява рф не відповідає дійсності - Волошин", "… – Генштаб ЗСУ". The cue is the dash, the source
 * the one to three capitalised words after it that end the paragraph, the content the sentence
 * before the dash. Only the last sentence of a paragraph, and only a spaced dash, count: a dash
 * inside running prose or a hyphenated word names no one.
 */
export function extractHeadlineSignatures(tokens: readonly Token[], sentences: readonly Sentence[]): AttributionCandidate[] {
  const out: AttributionCandidate[] = [];
  for (const sentence of sentences) {
    const next = sentences[sentence.index + 1];
    if (next && next.paragraph === sentence.paragraph) continue;
    const [from, to] = sentence.tokens;
    let end = to;
    while (end > from && /^[.!]$/.test(tokens[end - 1]!.text)) end--;
    let n = end;
    while (n > from && end - n < 3 && tokens[n - 1]!.kind === 'word' && /^\p{Lu}/u.test(tokens[n - 1]!.text) && /\p{Script=Cyrillic}/u.test(tokens[n - 1]!.text)) n--;
    const k = n - 1;
    if (n === end || k <= from + 2 || !DASHES.has(tokens[k]!.text)) continue;
    const dash = tokens[k]!;
    const before = tokens[k - 1]!;
    if (!(before.span[1] < dash.span[0] && dash.span[1] < tokens[n]!.span[0])) continue;
    out.push({ sentence: sentence.index, cue: [k, k + 1], entry: DASH, source: [n, end], content: [tokens[from]!.span[0], before.span[1]], rule: 'dash-headline' });
  }
  return out;
}
