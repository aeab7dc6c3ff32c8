import { test } from 'node:test';
import assert from 'node:assert/strict';
import { B, I, O, spansOf, viterbi } from './span-tagger.js';
import { gap, nearestSpan } from './extract-tagged-attributions.js';

test('viterbi never puts I after O and follows the emissions', () => {
  const noTransitions = new Array(12).fill(0);
  // token 0 prefers I (not allowed at the start), token 1 prefers I, token 2 prefers O
  const em = Float64Array.from([0, 1, 2, 0, 0, 3, 5, 0, 0]);
  assert.deepEqual([...viterbi(em, noTransitions)], [B, I, O]);
  assert.deepEqual([...viterbi(new Float64Array(0), noTransitions)], []);
});

test('spansOf reads B/I runs as token ranges, offset into the document', () => {
  assert.deepEqual(spansOf(Uint8Array.from([O, B, I, B, O, B]), 10), [[11, 13], [13, 14], [15, 16]]);
  assert.deepEqual(spansOf(Uint8Array.from([O, O]), 0), []);
});

test('the nearest tagged span to a cue, never one overlapping it', () => {
  assert.equal(gap([0, 2], [5, 6]), 3);
  assert.deepEqual(nearestSpan([[0, 2], [7, 9]], [4, 5]), [0, 2]);
  assert.deepEqual(nearestSpan([[0, 2], [6, 9]], [4, 5]), [6, 9]);
  assert.equal(nearestSpan([[3, 6]], [4, 5]), null);
});

test('the compiled tagger scores a sentence as the feature strings do', async () => {
  const { readFile } = await import('node:fs/promises');
  const { compileSpanTagger, referenceEmissions, sentenceFeatures, cueRelativeFeatures, stackedFeatures, cueMargins, chainEmissions, tokenContext, prepareTagging, baseEmissionsForTest, addCueRelativeForTest, addStackedForTest, viterbi: tagChain } = await import('./span-tagger.js');
  const { compileCueLexicon } = await import('./cue-lexicon.js');
  const { createSegmentStage } = await import('../segment/index.js');
  const { emptyAnalysis } = await import('../../model/index.js');
  const model = JSON.parse(await readFile(new URL('../../../models/attribution/tagger.json', import.meta.url), 'utf8'));
  const tagger = compileSpanTagger(model);
  const cues = compileCueLexicon(JSON.parse(await readFile(new URL('../../../data/cues/cues.json', import.meta.url), 'utf8')));
  const text = 'Officials (in Kyiv) declined to comment. “We will hold,” said the commander, who added that Russian troops had not entered the city — yet; he told AP: “It is calm.”';
  const doc = createSegmentStage().run(emptyAnalysis({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: null }, diagnostics: [] }), {});
  const ctx = tokenContext(doc.tokens, cues);
  const input = prepareTagging(tagger, doc.tokens, ctx, doc.sentences);
  for (const s of doc.sentences) {
    const reference = referenceEmissions(model, sentenceFeatures(doc.tokens, s, ctx));
    const fast = baseEmissionsForTest(tagger, s, input);
    for (let i = 0; i < fast.length; i++) assert.ok(Math.abs(fast[i]! - reference[i]!) < 1e-4, `sentence ${s.index} score ${i}: ${fast[i]} vs ${reference[i]}`);
    // the source and content chains' cue-relative features, with cues on the reporting verbs
    const mask = Uint8Array.from(doc.tokens.slice(s.tokens[0], s.tokens[1]), (t) => (['said', 'added', 'told', 'declined'].includes(t.norm) ? 1 : 0));
    const withCues = referenceEmissions(model, sentenceFeatures(doc.tokens, s, ctx), cueRelativeFeatures(doc.tokens, s, ctx, mask));
    addCueRelativeForTest(tagger, doc.tokens, s, ctx, input, mask, fast);
    for (let i = 0; i < fast.length; i++) if (i % 12 >= 3 && i % 12 < 9) assert.ok(Math.abs(fast[i]! - withCues[i]!) < 1e-4, `sentence ${s.index} cue-relative score ${i}: ${fast[i]} vs ${withCues[i]}`);
    // the stacked cue pass's features, given the first pass's tags and margins
    const firstEm = chainEmissions(baseEmissionsForTest(tagger, s, input), 0, tagger.bias.cue);
    const firstTags = tagChain(firstEm, tagger.transitions.cue);
    const stacked = new Float64Array(fast.length);
    addStackedForTest(tagger, s, input, firstTags, firstEm, stacked);
    const stackedReference = referenceEmissions(model, stackedFeatures(doc.tokens, s, firstTags, cueMargins(firstEm)));
    for (let i = 0; i < fast.length; i++) if (i % 12 >= 9) assert.ok(Math.abs(stacked[i]! - stackedReference[i]!) < 1e-4, `sentence ${s.index} stacked score ${i}: ${stacked[i]} vs ${stackedReference[i]}`);
  }
});
