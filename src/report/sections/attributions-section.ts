import type { LedgerDocument } from '../ledger-json.js';
import { formatTable } from '../table.js';

/** "Who said what": per attribution, the source's entity, side, stance, statement time and content. */
export function attributionsSection(doc: LedgerDocument): string {
  if (doc.attributions.length === 0) return 'Who said what: nothing attributed';
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const times = new Map(doc.times.map((t) => [t.id, t]));
  const rows = doc.attributions.map((a) => {
    const who = a.voice === 'reporter' ? `${entities.get(a.speaker ?? '')?.name ?? 'reporter'} (own voice)`
      : a.speaker ? entities.get(a.speaker)?.name ?? a.source?.text ?? '?' : a.source?.text ?? '(unnamed)';
    const time = a.time ? times.get(a.time) : undefined;
    return [who, a.side, `${a.stance}${a.nestedIn ? ' (nested)' : ''}`, a.cue?.text ?? '', time ? `${time.text} ${time.value ?? ''}`.trim() : '', a.content.text];
  });
  return `Who said what (${doc.attributions.length}):\n${formatTable(['source', 'side', 'stance', 'cue', 'time', 'content'], rows, 70)}`;
}
