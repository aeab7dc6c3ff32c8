import { getJson, type ClaimView } from './api.js';
import { h, replace } from './dom.js';
import { claimCard, exportLinks } from './ledger-ui.js';
import { href } from './router.js';

type Decision = 'supports' | 'contradicts' | 'discusses';

interface CheckMatch {
  readonly decision: Decision;
  readonly basis: 'proposition' | 'stance';
  readonly proposition: string | null;
  readonly score: number | null;
  readonly claim: ClaimView;
}

interface CheckResult {
  readonly query: string;
  readonly propositions: readonly { readonly proposition: string; readonly readable: string; readonly polarity: 'positive' | 'negative' }[];
  readonly matches: readonly CheckMatch[];
  readonly summary: Readonly<Record<Decision, number>>;
}

const HEADINGS: Readonly<Record<Decision, string>> = { supports: 'Supports it', contradicts: 'Contradicts it', discusses: 'Discusses it' };
const EXAMPLE = 'Russian forces encircled Ukrainian troops in Pokrovsk';

/**
 * "Check a claim": `#/check?q=...` (shareable). The claim is read like a
 * reporter's sentence and put to the ledger (/api/check); the claims that
 * support, contradict or discuss it are shown with their sources, each
 * linking to its sentence in the document.
 */
export async function renderCheck(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const q = (params.get('q') ?? '').trim();
  const input = h('input', { id: 'check-input', type: 'search', name: 'q', value: q, maxlength: 2000, placeholder: EXAMPLE, 'aria-describedby': 'check-hint' });
  const form = h('form', { class: 'check-form', role: 'search', 'aria-label': 'Check a claim' },
    h('label', { for: 'check-input' }, 'Claim'), input, h('button', { type: 'submit' }, 'Check'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = href('check', null, { q: input.value.replace(/\s+/g, ' ').trim() });
  });
  const head = [h('h1', {}, 'Check a claim'), form,
    h('p', { id: 'check-hint', class: 'hint' }, 'One sentence in plain English. The ledger\'s claims of the same proposition support or contradict it; other claims about the same place or event are weighed by the stance model.')];
  if (!q) {
    replace(main, h('div', { class: 'board check' }, ...head,
      h('p', { class: 'meta' }, 'For example: ', h('a', { href: href('check', null, { q: EXAMPLE }) }, EXAMPLE))));
    document.title = 'Check a claim · counterclaim';
    input.focus();
    return;
  }
  replace(main, h('div', { class: 'board check' }, ...head, h('p', { class: 'loading' }, 'Checking…')));
  const result = await getJson<CheckResult>('/api/check', { q });
  if (!isCurrent()) return;
  const readAs = result.propositions.length
    ? result.propositions.map((p) => `${p.polarity === 'negative' ? 'NOT ' : ''}${p.readable}`).join('; ')
    : 'no proposition the ledger knows (matched by stance only)';
  const places = [...new Set(result.matches.map((m) => m.claim.placeId).filter((p): p is string => p !== null))];
  const sections = (['supports', 'contradicts', 'discusses'] as const).map((decision) => {
    const list = result.matches.filter((m) => m.decision === decision);
    return h('section', { class: `check-col decision-${decision}`, 'aria-label': HEADINGS[decision], 'data-decision': decision },
      h('h2', {}, `${HEADINGS[decision]} (${list.length})`),
      h('p', { class: 'meta' }, `${result.summary[decision]} independent source${result.summary[decision] === 1 ? '' : 's'}`),
      ...list.map((m) => h('div', { class: 'check-match' },
        h('p', { class: 'basis meta' }, m.basis === 'proposition' ? 'same proposition' : `stance model, ${Math.round((m.score ?? 0) * 100)}%`),
        claimCard(m.claim))),
      list.length === 0 ? h('p', { class: 'meta' }, 'None in the ledger.') : null);
  });
  replace(main, h('div', { class: 'board check' }, ...head,
    h('p', { class: 'read-as' }, h('strong', {}, 'Read as: '), readAs),
    result.matches.length === 0 ? h('div', { class: 'empty' }, h('h2', {}, 'Nothing in the ledger bears on it'), h('p', {}, 'No stored claim shares its proposition, and none about its places or events takes a stance on it.')) : null,
    result.matches.length ? h('div', { class: 'check-results' }, ...sections) : null,
    places.length === 1 ? exportLinks({ place: places[0]! }) : null));
  document.title = `Check: ${q.slice(0, 60)} · counterclaim`;
}
