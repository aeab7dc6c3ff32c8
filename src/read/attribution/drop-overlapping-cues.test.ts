import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropOverlappingCues } from './drop-overlapping-cues.js';
import type { AttributionCandidate } from './attribution-candidate.js';
import type { CueEntry } from './cue-lexicon.js';

const entry = { lemma: 'say', stance: 'assert', frame: 'verb' } as unknown as CueEntry;
const candidate = (cue: [number, number], rule: string): AttributionCandidate => ({ sentence: 0, cue, entry, source: null, content: [0, 1], rule });

test('dropOverlappingCues: a widened verb cue swallows the noun cue inside it ("says in a statement that")', () => {
  const verb = candidate([5, 9], 'forward');
  const noun = candidate([8, 9], 'noun-claim');
  assert.deepEqual(dropOverlappingCues([noun, verb]).map((c) => c.rule), ['forward']);
});

test('dropOverlappingCues: separate cues both stay ("acknowledged ... but denied")', () => {
  const a = candidate([3, 4], 'forward');
  const b = candidate([9, 10], 'forward');
  assert.equal(dropOverlappingCues([a, b]).length, 2);
});

test('dropOverlappingCues: equal cues keep the first proposed', () => {
  const a = candidate([3, 5], 'colon');
  const b = candidate([3, 5], 'tagged');
  assert.deepEqual(dropOverlappingCues([a, b]).map((c) => c.rule), ['colon']);
});
