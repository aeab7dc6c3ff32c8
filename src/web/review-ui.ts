import { ApiFailure, getJson, postJson, setApiToken, type Page } from './api.js';
import { h, replace } from './dom.js';

/**
 * Review from the UI (issue 18, docs/api.md "Reviews and the audit trail"): an
 * analyst confirms, rejects or corrects a claim or a place's control status with
 * a reason (POST /api/reviews), and reads the item's audit trail (GET /api/audit).
 * The form is folded in a <details> under the item; the trail is read when opened.
 */

export type ReviewTarget =
  | { readonly kind: 'claim'; readonly doc: string; readonly claim: string }
  | { readonly kind: 'status'; readonly place: string };

interface AuditRecord { readonly seq: number; readonly at: string; readonly actor: string; readonly action: string; readonly before: unknown; readonly after: unknown; readonly reason: string | null }

const targetKey = (t: ReviewTarget): string => (t.kind === 'claim' ? `${t.doc}|${t.claim}` : t.place);

const STANCES = ['assert', 'deny', 'acknowledge', 'accuse', 'report'];
const STATES = ['held', 'contested', 'claimed-captured', 'confirmed-captured'];

/** What a record changed, in a line: "status: contested by — → held by RU". */
function change(record: AuditRecord): string {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v !== 'object') return String(v);
    const o = v as Record<string, unknown>;
    if ('status' in o || 'state' in o) return `${String(o['status'] ?? o['state'])}${o['statusBy'] ?? o['by'] ? ` by ${String(o['statusBy'] ?? o['by'])}` : ''}`;
    if ('decision' in o) {
      // A correction says what the item is now; a confirmation or rejection says the decision.
      const fix = (o['corrections'] ?? {}) as Record<string, unknown>;
      if ('state' in fix || 'by' in fix) return show({ state: fix['state'] ?? '', by: fix['by'] ?? null });
      const fields = Object.entries(fix).map(([k, v]) => `${k} ${String(v)}`);
      return fields.length ? fields.join(', ') : o['decision'] === 'reject' ? 'rejected' : 'confirmed';
    }
    return JSON.stringify(o).slice(0, 160);
  };
  return `${show(record.before)} → ${show(record.after)}`;
}

/** The audit trail of one target, oldest first. */
function trail(target: ReviewTarget): HTMLElement {
  const list = h('ol', { class: 'audit-trail', 'aria-label': 'Audit trail' }, h('li', { class: 'meta' }, 'Loading the trail…'));
  void getJson<Page<AuditRecord>>('/api/audit', { target_kind: target.kind, target_key: targetKey(target), limit: 100 })
    .then((p) => replace(list, ...(p.items.length ? p.items.map((r) => h('li', { 'data-seq': r.seq },
      h('time', { datetime: r.at }, r.at.slice(0, 16).replace('T', ' ')), ` · ${r.actor} · ${r.action.replace(/^review\./, '')} · ${change(r)}`,
      r.reason ? h('q', { class: 'audit-reason' }, r.reason) : null)) : [h('li', { class: 'meta' }, 'No review yet: the automatic reading stands.')])))
    .catch((error: Error) => replace(list, h('li', { class: 'meta' }, `Could not read the trail: ${error.message}`)));
  return list;
}

/**
 * The review box of an item: decision, corrections (shown for "correct"),
 * a required reason; on success `onDone` redraws what the review changed.
 */
export function reviewBox(target: ReviewTarget, onDone: () => void): HTMLElement {
  const name = `r-${Math.random().toString(36).slice(2, 8)}`;
  const decision = (value: string, label: string) => h('label', { class: 'decision' }, h('input', { type: 'radio', name: `${name}-decision`, value, required: true }), ` ${label}`);
  const fields = target.kind === 'status'
    ? [h('label', {}, 'State ', h('select', { name: 'state' }, ...STATES.map((s) => h('option', { value: s }, s)))), h('label', {}, 'By ', h('input', { type: 'text', name: 'by', maxlength: 10, placeholder: 'RU, UA…', class: 'short' }))]
    : [h('label', {}, 'Side ', h('input', { type: 'text', name: 'side', maxlength: 10, placeholder: 'unchanged', class: 'short' })),
      h('label', {}, 'Stance ', h('select', { name: 'stance' }, h('option', { value: '' }, 'unchanged'), ...STANCES.map((s) => h('option', { value: s }, s))))];
  const corrections = h('fieldset', { class: 'corrections', hidden: true }, h('legend', {}, 'Corrections'), ...fields);
  const reason = h('textarea', { name: 'reason', required: true, maxlength: 2000, placeholder: 'Why (required): what the source says, who said it…', 'aria-label': 'Reason' });
  const status = h('p', { class: 'meta review-status', role: 'status' });
  const token = h('label', { class: 'token', hidden: true }, 'API token ', h('input', { type: 'password', name: 'token', autocomplete: 'off' }));
  const form = h('form', { class: 'review-form', 'aria-label': target.kind === 'status' ? 'Review this status' : 'Review this claim' },
    h('div', { class: 'decisions', role: 'radiogroup', 'aria-label': 'Decision' }, decision('confirm', 'Confirm'), decision('reject', 'Reject'), decision('correct', 'Correct')),
    corrections, reason, token, h('button', { type: 'submit' }, 'Save review'), status);
  form.addEventListener('change', () => { corrections.hidden = new FormData(form).get(`${name}-decision`) !== 'correct'; });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = String(data.get(`${name}-decision`) ?? '');
    const typedToken = String(data.get('token') ?? '').trim();
    if (typedToken) setApiToken(typedToken);
    const fix: Record<string, string> = {};
    if (chosen === 'correct') {
      for (const key of target.kind === 'status' ? ['state', 'by'] : ['side', 'stance']) {
        const v = String(data.get(key) ?? '').trim();
        if (v) fix[key] = key === 'side' || key === 'by' ? v.toUpperCase() : v;
      }
    }
    const body = {
      target: target.kind === 'claim' ? { kind: 'claim', doc: target.doc, claim: target.claim } : { kind: 'status', place: target.place },
      decision: chosen, ...(chosen === 'correct' ? { corrections: fix } : {}), reason: String(data.get('reason') ?? '').trim(),
    };
    status.textContent = 'Saving…';
    postJson('/api/reviews', body).then(() => { status.textContent = 'Saved.'; onDone(); }, (error: Error) => {
      // Beyond loopback a token is needed: ask for it here, once.
      if (error instanceof ApiFailure && error.status === 401) token.hidden = false;
      status.textContent = `Not saved: ${error.message}`;
    });
  });
  const box = h('details', { class: 'review-box' }, h('summary', {}, target.kind === 'status' ? 'Review this status · history' : 'Review · history'), form, h('p', { class: 'history-title' }, 'History'));
  box.addEventListener('toggle', () => { if (box.open && !box.querySelector('.audit-trail')) box.append(trail(target)); });
  return box;
}

/** What the review in force says, in a line under the item ("Rejected by ana: wrong place"). */
export function reviewNote(review: { decision: string; actor: string; reason: string; at: string } | null | undefined, automatic?: string): HTMLElement | null {
  if (!review) return null;
  const verb = review.decision === 'reject' ? 'Rejected' : review.decision === 'correct' ? 'Corrected' : 'Confirmed';
  return h('p', { class: `review-note decision-${review.decision}` }, h('strong', {}, verb), ` by ${review.actor} on ${review.at.slice(0, 10)}: `, h('q', {}, review.reason),
    automatic ? h('span', { class: 'meta' }, ` (automatic: ${automatic})`) : null);
}
