import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LruCache } from './lru-cache.js';

test('an LRU cache keeps its capacity, dropping the least recently used; a read counts as a use', () => {
  const cache = new LruCache<string, number | null>(3);
  cache.set('a', 1).set('b', null).set('c', 3);
  assert.equal(cache.get('a'), 1);
  cache.set('d', 4);
  assert.equal(cache.size, 3);
  assert.equal(cache.has('b'), false, 'b was the least recently used');
  assert.deepEqual(['a', 'c', 'd'].map((k) => cache.has(k)), [true, true, true]);
  // A stored null is a hit, not a miss (a claim looked up and found absent stays known absent).
  cache.set('e', null);
  assert.equal(cache.has('c'), false);
  assert.equal(cache.has('e'), true);
  assert.equal(cache.get('e'), null);
  // Writing a key again refreshes it instead of adding a second entry.
  cache.set('a', 10).set('f', 6);
  assert.equal(cache.size, 3);
  assert.equal(cache.get('a'), 10);
  assert.equal(cache.has('d'), false);
});

test('an LRU cache refuses a capacity below 1', () => {
  assert.throws(() => new LruCache(0), /capacity of at least 1/);
  assert.throws(() => new LruCache(1.5), /capacity/);
});
