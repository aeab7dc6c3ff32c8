/** Calls the server's own JSON API (same origin only, as the CSP allows). */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The user's API token, kept in this browser once typed (a server beyond loopback needs one; see docs/api.md). */
const TOKEN_KEY = 'counterclaim-token';
export const apiToken = (): string | null => { try { return localStorage.getItem(TOKEN_KEY); } catch { return null; } };
export const setApiToken = (token: string): void => { try { if (token) localStorage.setItem(TOKEN_KEY, token); else localStorage.removeItem(TOKEN_KEY); } catch { /* storage refused: the token lasts this page */ } };
const authHeaders = (): Record<string, string> => { const t = apiToken(); return t ? { Authorization: `Bearer ${t}` } : {}; };

export async function getJson<T>(path: string, params: Readonly<Record<string, string | number | undefined>> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const url = query.size > 0 ? `${path}?${query}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders() } });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiFailure(res.status, body?.error?.code ?? 'internal', body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** A write (a review): JSON in and out, with the token when there is one. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify(body) });
  const answer = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiFailure(res.status, answer?.error?.code ?? 'internal', answer?.error?.message ?? `${res.status} ${res.statusText}`);
  return answer as T;
}

/** A replacing write (PUT: a registry entry), as postJson. */
export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify(body) });
  const answer = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiFailure(res.status, answer?.error?.code ?? 'internal', answer?.error?.message ?? `${res.status} ${res.statusText}`);
  return answer as T;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total: number | null;
  readonly next: number | null;
}

// The shapes the API returns are the server's own types: imported as types only (esbuild drops
// them from the bundle), so the UI and the API cannot drift apart.
import type { DocumentSummary } from '../store/store.js';
import type { PlaceStatus, PlaceSummary } from '../server/routes/places.js';
import type { ClaimView } from '../server/ledger-view.js';

export type { DocumentSummary, PlaceStatus, PlaceSummary };

export type Span = readonly [number, number];

export interface AnyItem {
  readonly id: string;
  readonly span: Span;
  readonly text: string;
  readonly origin?: { readonly stage: string; readonly rule: string };
  readonly [key: string]: unknown;
}

export interface PlaceMentionRef {
  readonly docId: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly item: AnyItem;
  readonly sentence: { readonly id: string; readonly text: string; readonly span: Span } | null;
}

/** The ledger JSON document (docs/ledger-json.md); lists the UI does not know yet are ignored. */
export interface LedgerDocument extends DocumentSummary {
  readonly text: string;
  readonly sentences: readonly AnyItem[];
  readonly times: readonly AnyItem[];
  readonly places: readonly AnyItem[];
  readonly entities: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly side: string; readonly role?: string | null }[];
  readonly actors: readonly AnyItem[];
  readonly attributions: readonly AnyItem[];
  readonly quantities: readonly AnyItem[];
  readonly events: readonly AnyItem[];
  readonly claims: readonly AnyItem[];
  readonly diagnostics: readonly { readonly code: string; readonly severity: string; readonly message: string; readonly span?: Span }[];
}

/** A claim reference: the document and the claim item. */
export interface ClaimRef { readonly doc: string; readonly claim: string }

/** A ledger claim as /api/claims returns it: the server's type, so the UI can group claims with the ledger's own groupClaims. */
export type { ClaimView };

export interface ControlStatus {
  readonly from: string;
  readonly state: PlaceStatus | 'unknown';
  readonly by: string | null;
  readonly denied: boolean;
  readonly why: string;
  readonly claims: readonly ClaimRef[];
}

export interface ContradictionView {
  readonly contradiction: { readonly id: string; readonly kind: string; readonly proposition: string; readonly a: ClaimRef; readonly b: ClaimRef; readonly related: readonly ClaimRef[]; readonly explanation: string };
  readonly date: string | null;
  readonly placeId: string | null;
  readonly a: ClaimView | null;
  readonly b: ClaimView | null;
  /** False when reviews undo it (its claim on one side rejected or corrected, or the contradiction rejected). */
  readonly stands?: boolean;
}

export interface ClaimGroupView {
  readonly proposition: string;
  readonly readable: string;
  readonly corroboration: Readonly<Record<string, { readonly supporting: number; readonly disputing: number }>>;
  readonly claims: readonly ClaimRef[];
}

export interface PlaceDetail {
  readonly place: PlaceSummary;
  readonly timeline: readonly ControlStatus[];
  /** The newest claims, a page of them. */
  readonly claims: readonly ClaimView[];
  /** Older claims exist: /api/claims?place=ID&offset=claims.length. */
  readonly claimsMore: boolean;
  readonly groups: readonly ClaimGroupView[];
  /** The newest contradictions, a page of them. */
  readonly contradictions: readonly ContradictionView[];
  /** Contradictions about the place in all (the board lists them). */
  readonly contradictionsTotal: number;
  readonly mentions: Page<PlaceMentionRef>;
}
