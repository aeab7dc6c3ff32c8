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

export function isCaption(paragraph: string): boolean {
  if (paragraph.length > 400) return false;
  return CREDIT.test(paragraph);
}
