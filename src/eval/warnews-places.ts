import type { AnalyzedDocument, PlaceMention } from '../model/index.js';

/** The places part of a warnews gold file (GUIDELINES.md: every place form as written, with its GeoNames id or country). */
export interface WarnewsPlacesGold {
  readonly places: ReadonlyArray<{ readonly text: string; readonly name: string; readonly geonameid: number | null; readonly country: string }>;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * Place resolution of one warnews article (`place_acc` of docs/eval.md): every
 * occurrence of each gold place form, as written (whole words), counts once; it
 * is right when a place mention of the document overlaps it and resolves to the
 * gold GeoNames id, or, where the gold has no id (a division, a village GeoNames
 * lacks), to the gold country. A form the text does not contain counts as one
 * miss (the gold and the text disagree: worth seeing, never silently dropped).
 *
 * @example
 * placeResolutionCounts({ places: [{ text: 'Суджи', name: 'Sudzha', geonameid: 486816, country: 'RU' }] }, text, doc)
 * // => { correct: 1, total: 1, misses: [] }
 */
export function placeResolutionCounts(gold: WarnewsPlacesGold, text: string, doc: AnalyzedDocument): { correct: number; total: number; misses: string[] } {
  let correct = 0;
  let total = 0;
  const misses: string[] = [];
  const seen = new Set<string>();
  for (const g of gold.places) {
    const key = `${g.text}\t${g.geonameid}\t${g.country}`;
    if (seen.has(key) || g.text === '') continue;
    seen.add(key);
    const spans = occurrences(text, g.text);
    if (spans.length === 0) {
      total++;
      misses.push(`'${g.text}' (${g.name}): not in the text`);
      continue;
    }
    for (const [start, end] of spans) {
      total++;
      const mentions = doc.places.filter((p) => p.span[0] < end && start < p.span[1]);
      const right = mentions.some((p) => isRight(p, g.geonameid, g.country));
      if (right) correct++;
      else {
        const got = mentions.length === 0 ? 'not found' : mentions.map((p) => `'${p.text}' → ${p.name ?? 'unresolved'} (${p.geonameId ?? '-'}, ${p.country ?? '-'})`).join('; ');
        misses.push(`'${g.text}' @${start} (${g.name}, ${g.geonameid ?? g.country}): ${got}`);
      }
    }
  }
  return { correct, total, misses };
}

function isRight(p: PlaceMention, geonameid: number | null, country: string): boolean {
  if (p.name === null) return false;
  return geonameid === null ? p.country === country : p.geonameId === geonameid;
}

/** Whole-word occurrences of `form` in `text` (a form inside a longer word is not it). */
function occurrences(text: string, form: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + form.length] ?? '';
    if ((before !== '' && LETTER.test(before)) || (after !== '' && LETTER.test(after))) continue;
    out.push([at, at + form.length]);
  }
  return out;
}
