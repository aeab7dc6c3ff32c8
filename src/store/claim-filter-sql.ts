import type { ClaimFilter } from '../ledger/upkeep.js';

/**
 * The WHERE clause of listClaims' filters over `ledger_claims`, the same in
 * both dialects but for placeholders (`bind` pushes a value, returns its placeholder).
 */
export function claimFilterWhere(filter: ClaimFilter, bind: (value: string) => string): string {
  const where: string[] = [];
  if (filter.place !== undefined) where.push(`place = ${bind(filter.place)}`);
  if (filter.side !== undefined) where.push(`side = ${bind(filter.side)}`);
  if (filter.since !== undefined) where.push(`about_end >= ${bind(filter.since)}`);
  if (filter.predicate !== undefined) where.push(`predicate = ${bind(filter.predicate)}`);
  if (filter.proposition !== undefined) where.push(`proposition = ${bind(filter.proposition)}`);
  if (filter.stance !== undefined) where.push(`stance = ${bind(filter.stance)}`);
  // `until` bounds the date a claim is about; an undated claim's date is its statement's (callers refine).
  if (filter.until !== undefined) where.push(`(about_end <= ${bind(filter.until)} OR (about_end IS NULL AND (stated IS NULL OR substr(stated, 1, 10) <= ${bind(filter.until)})))`);
  if (filter.entity !== undefined) where.push(`source_key = ${bind(filter.entity)}`);
  if (filter.outlet !== undefined) where.push(`outlet = ${bind(filter.outlet)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}
