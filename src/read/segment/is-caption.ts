/**
 * Photo captions and credits sit above or inside articles copied from the web:
 * "A sign at ..., 6 December 2024. Photo: EPA / Maria Senovilla". Their dates
 * describe the picture. A paragraph is a caption when it carries a credit
 * marker; agency credits follow the conventions of EPA, AP, Reuters and AFP.
 */
const CREDIT = new RegExp(
  [
    String.raw`\b(?:Photo(?:graph)?s?|Picture|Pic|Image|Illustration|Video|Footage|Credit)\s*(?:by\s+|courtesy\s+of\s+|:|©)`,
    String.raw`©`,
    String.raw`\((?:Photo|Image)[^)]*\)\s*$`,
    String.raw`\b(?:EPA|AFP|AP|Reuters|Getty Images|Anadolu|TASS|Sputnik|Ukrinform|Shutterstock)(?:-EFE)?\s*(?:/|via)\s*[\p{Lu}][^\n]{0,80}$`,
  ].join('|'),
  'iu',
);

/**
 * A cheap test that every CREDIT match passes (a paragraph without any of
 * these cannot match): each alternative needs a credit word ("pic" covers
 * "picture"), "©", or an agency followed by "/" or "via". CREDIT is
 * case-insensitive with Unicode folding, where "ſ" (U+017F) also matches "s",
 * so a paragraph holding one goes to CREDIT. Most paragraphs have none, and
 * CREDIT, tried at every position, costs several times more (measured).
 * Case-insensitive on the paragraph itself rather than on a lower-cased copy of it (one string fewer a
 * paragraph): the only non-ASCII characters that lower-case to ASCII letters are U+0130 "İ" (to "i" and a
 * combining dot, which breaks every word here it could stand in) and U+212A Kelvin "K" (no word here has a
 * "k"), so this matches wherever the lower-cased test did.
 */
const MAY_BE_CREDIT = /pic|photo|image|illustration|video|footage|credit|©|\/|via|\u017f/i;

export function isCaption(paragraph: string): boolean {
  if (paragraph.length > 400) return false;
  return MAY_BE_CREDIT.test(paragraph) && CREDIT.test(paragraph);
}
