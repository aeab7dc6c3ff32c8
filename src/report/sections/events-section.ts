import type { LedgerDocument } from '../ledger-json.js';
import { formatTable } from '../table.js';

/** Events as PLOVER codes them: type, how presented, who did it to whom, where, when, how many. */
export function eventsSection(doc: LedgerDocument): string {
  if (doc.events.length === 0) return 'Events: none found';
  const text = (span: readonly [number, number] | null): string => (span ? doc.text.slice(span[0], span[1]) : '');
  const byId = <T extends { id: string; text: string }>(items: readonly T[], id: string | null): string => (id ? (items.find((x) => x.id === id)?.text ?? id) : '');
  const rows = doc.events.map((e) => [
    `${e.main ? '' : '· '}${e.type}${e.mode ? ` (${e.mode})` : ''}`,
    e.text,
    e.modality,
    text(e.actorSpan),
    text(e.recipientSpan),
    byId(doc.places, e.place),
    byId(doc.times, e.time),
    e.sizeValue === null ? '' : String(e.sizeValue),
  ]);
  return `Events (${doc.events.length}; · = not the sentence's main event):\n${formatTable(['type', 'trigger', 'modality', 'actor', 'recipient', 'place', 'time', 'size'], rows, 40)}`;
}
