import type { AnyItem, LedgerDocument } from './api.js';
import type { MarkKind } from './highlight.js';

export type Row = readonly [label: string, value: string];

const str = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(str).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** The normalised value of an item in a few words, for lists ("2025-11-05", "11000 troops"). */
export function valueOf(kind: MarkKind, item: AnyItem, doc: LedgerDocument): string {
  switch (kind) {
    case 'time': return str(item.value) + (item.mod ? ` (${str(item.mod)})` : '');
    case 'place': return item.name ? `${str(item.name)}${item.country ? `, ${str(item.country)}` : ''}` : 'unresolved';
    case 'actor': {
      const entity = doc.entities?.find((e) => e.id === item.entity);
      return entity ? `${entity.name} · ${entity.side}` : str(item.entity);
    }
    case 'quantity': return [item.value ?? '', item.high != null ? `–${str(item.high)}` : '', item.unit ? ` ${str(item.unit)}` : ''].join('').trim() || 'qualitative';
    case 'event': return str(item.type);
    case 'cue':
    case 'content': return `${str(item.stance)} · ${str(item.side)}`;
  }
}

function entityName(doc: LedgerDocument, id: unknown): string {
  if (typeof id !== 'string') return '—';
  const entity = doc.entities?.find((e) => e.id === id);
  return entity ? `${entity.name} (${entity.kind}, side ${entity.side})` : id;
}

/** Everything a reader needs to judge an item: value, entity, side, origin. */
export function detailRows(kind: MarkKind, item: AnyItem, doc: LedgerDocument): Row[] {
  const rows: Row[] = [['kind', kind === 'cue' || kind === 'content' ? `attribution ${kind}` : kind]];
  const add = (label: string, value: unknown) => {
    if (value !== undefined) rows.push([label, str(value)]);
  };
  switch (kind) {
    case 'time':
      add('value', item.value); add('type', item.type); add('mod', item.mod); add('range', item.range);
      add('anchor', item.anchor); add('stated', item.stated); add('inferred', item.inferred); add('caption date', item.caption);
      break;
    case 'place':
      add('gazetteer name', item.name); add('GeoNames id', item.geonameId);
      add('coordinates', item.lat != null ? `${str(item.lat)}, ${str(item.lon)}` : null);
      add('country', item.country); add('region', item.admin1); add('historic name', item.historicName);
      add('confidence', item.confidence); add('why', item.why);
      break;
    case 'actor': {
      const entity = doc.entities?.find((e) => e.id === item.entity);
      add('entity', entity?.name ?? item.entity); add('entity kind', entity?.kind); add('side', entity?.side);
      add('role', entity?.role); add('resolution', item.resolution);
      break;
    }
    case 'quantity':
      add('value', item.value); add('high', item.high); add('unit', item.unit); add('modifiers', item.modifiers);
      break;
    case 'event':
      add('PLOVER type', item.type); add('mode', item.mode); add('actor', entityName(doc, item.actor));
      add('recipient', entityName(doc, item.recipient)); add('place', item.place); add('time', item.time); add('size', item.size);
      break;
    case 'cue':
    case 'content':
      add('stance', item.stance); add('side', item.side); add('speaker', entityName(doc, item.speaker));
      add('voice', item.voice); add('speech', item.direct);
      add('cue', (item.cue as { lemma?: string } | null)?.lemma ?? null);
      add('content', (item.content as { text?: string } | null)?.text);
      add('nested in', item.nestedIn);
      break;
  }
  add('text', item.text);
  add('span', item.span);
  add('origin', item.origin ? `${item.origin.stage} / ${item.origin.rule}` : undefined);
  add('id', item.id);
  return rows;
}
