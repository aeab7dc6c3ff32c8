import type { LedgerDocument } from './ledger-json.js';
import { timesSection } from './sections/times-section.js';
import { diagnosticsSection } from './sections/diagnostics-section.js';
import { placesSection } from './sections/places-section.js';
import { attributionsSection } from './sections/attributions-section.js';
import { quantitiesSection } from './sections/quantities-section.js';
import { eventsSection } from './sections/events-section.js';
import { claimsSection } from './sections/claims-section.js';
import { contradictionsSection } from './sections/contradictions-section.js';

/** The sections of a document's report, in the order a reader wants them. */
const SECTIONS: ReadonlyArray<(doc: LedgerDocument) => string> = [
  timesSection,
  placesSection,
  attributionsSection,
  quantitiesSection,
  claimsSection,
  contradictionsSection,
  eventsSection,
  diagnosticsSection,
];

/** The human-readable report of one document. */
export function textReport(doc: LedgerDocument): string {
  const title = doc.title ?? doc.source ?? doc.id.slice(0, 12);
  const facts = [
    `id ${doc.id.slice(0, 12)}`,
    `published ${doc.published ?? 'unknown'}`,
    doc.outlet ? `outlet ${doc.outlet}` : null,
    doc.language ? `language ${doc.language}` : null,
    `${doc.sentences.length} sentences`,
  ].filter(Boolean);
  const header = `== ${title}\n   ${facts.join(' · ')}`;
  const body = SECTIONS.map((section) => section(doc)).filter((s) => s !== '');
  return `${[header, ...body].join('\n\n')}\n\n`;
}
