import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minhashSignature } from './duplicates/minhash.js';
import { NO_TEXT, nearDuplicateLink, tallyInto, type IngestTally } from './ingest-core.js';
import type { IngestFailure } from './ingest-result.js';

const REPORT = 'The regional governor said on Monday that shelling overnight damaged a school and two houses in the northern district. '
  + 'Emergency crews worked through the morning to clear the debris, and no one was hurt, according to the statement. '
  + 'The governor added that power had been restored to most of the district by noon and that classes would move online for a week.';
const signature = (text: string): Uint32Array => {
  const sig = minhashSignature(text);
  assert.ok(sig, text);
  return sig;
};

test('tally: skips by reason (a record with no text under one reason), failures by code, each reported as it happens', () => {
  const counts: IngestTally = { skipped: 0, failed: 0, skippedBy: {}, failedBy: {} };
  const failures: IngestFailure[] = [];
  let progress = 0;
  const tally = tallyInto(counts, { onFailure: (f) => failures.push(f), onProgress: () => progress++ });
  tally.notRead({ ok: false, source: 'feed.xml#3', code: 'input.empty', message: 'no text', skipped: true });
  tally.notRead({ ok: false, source: 'a.jsonl:2', code: 'input.malformed', message: 'not JSON' });
  tally.skip('unchanged source, read before', 4);
  tally.fail({ source: 'b.html', code: 'input.malformed', message: 'cannot be read' });
  assert.deepEqual(counts, { skipped: 5, failed: 2, skippedBy: { [NO_TEXT]: 1, 'unchanged source, read before': 4 }, failedBy: { 'input.malformed': 2 } });
  assert.deepEqual(failures.map((f) => f.source), ['a.jsonl:2', 'b.html']);
  assert.equal(progress, 4);
});

test('nearDuplicateLink: a near copy is linked to the first copy, never along a chain; an unrelated text to nothing', () => {
  const first = { id: 'first', duplicateOf: null, signature: signature(REPORT) };
  const copy = { id: 'copy', duplicateOf: 'first', signature: signature(`${REPORT} The statement was posted on the administration's channel.`) };
  // Closest to the copy (it shares the added sentence), linked to the first copy all the same, with the similarity to it.
  const later = signature(`${REPORT} The statement was posted on the administration's channel. Local media repeated it.`);
  const link = nearDuplicateLink(later, [first, copy]);
  assert.equal(link?.id, 'first');
  assert.ok(link.similarity >= 0.5 && link.similarity <= 1 && Math.round(link.similarity * 1000) === link.similarity * 1000, String(link.similarity));
  // Without the first copy among the candidates, the copy it matches is the link.
  assert.equal(nearDuplicateLink(later, [copy])?.id, 'copy');
  const unrelated = signature('Parliament adopted the budget for next year after a long debate on pensions, taxes and the funding of hospitals in rural areas, the speaker announced late on Friday evening.');
  assert.equal(nearDuplicateLink(unrelated, [first, copy]), null);
});
