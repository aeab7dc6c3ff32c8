import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { ledgerClaimsOf } from '../index.js';
import { exportLedger } from './index.js';

/**
 * ClaimReview JSON-LD goes into a page's <script type="application/ld+json">:
 * a title with "</script>" must not end it, and a document's URL from a
 * page's metadata is a link only when it is http(s) (issue 19: `javascript:`
 * and `data:` URLs were carried into appearance.url). Our own sentences.
 */
test('claimreview: no raw </script>, and only http(s) URLs become links', async () => {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const text = 'Ukraine’s General Staff said on Monday that its forces had repelled 40 attacks near Kupiansk.';
  for (const [url, kept] of [['javascript:alert(1)', false], ['data:text/html,<script>alert(1)</script>', false], ['https://example.org/a?b=<c>', true]] as const) {
    const title = 'Report </script><script>alert(1)</script> <!-- end';
    const doc = pipeline.read({ id: 'x', text, meta: { title, outlet: 'Our Outlet', url, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] });
    const claims = ledgerClaimsOf({ id: doc.id, published: '2025-11-06', outlet: 'Our Outlet', url, title, claims: doc.claims, entities: doc.entities, text: doc.text, sentences: doc.sentences, places: doc.places });
    assert.ok(claims.length > 0, 'the sentence gives a claim to review');
    const out = exportLedger('claimreview', { claims, contradictions: [], timelines: [] }, { baseUrl: 'https://ledger.example' });
    assert.ok(!/<\/script|<!--|<script/i.test(out), `no markup survives raw: ${out.slice(0, 300)}`);
    const graph = (JSON.parse(out) as { '@graph': Array<Record<string, any>> })['@graph'];
    assert.equal(graph[0]!.itemReviewed.appearance.headline, title, 'the JSON still holds the title as it was');
    assert.ok(graph.length > 0, 'a review to look at');
    const urls = graph.map((r) => r.itemReviewed.appearance.url).filter((u) => u !== undefined);
    if (kept) assert.ok(urls.length > 0 && urls.every((u) => u === new URL(url).href), JSON.stringify(urls));
    else assert.deepEqual(urls, [], `${url} is no link`);
  }
});
