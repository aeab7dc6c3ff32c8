import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.js';
import { annotatedExample, temporaryStore } from './testing/fixture.js';
import { deskOf } from '../store/desk/open-desk.js';
import type { DeskStore, Role } from '../store/desk/desk-store.js';
import { newToken } from '../store/desk/tokens.js';
import type { Store } from '../store/store.js';
import { isLoopbackHost, requiredRole } from './auth.js';
import { roleAllows, ROLES } from '../store/desk/desk-store.js';

let store: Store;
let desk: DeskStore;
let dispose: () => Promise<void>;
const tokens: Partial<Record<Role, string>> = {};
let clock = Date.parse('2026-02-01T09:00:00Z');
const now = () => new Date(clock);

before(async () => {
  ({ store, dispose } = await temporaryStore([await annotatedExample()]));
  desk = deskOf(store)!;
  for (const role of ROLES) {
    const t = await newToken();
    await desk.addUser({ name: `${role}-user`, role, tokenId: t.tokenId, tokenHash: t.tokenHash }, { name: 'setup', at: now().toISOString() });
    tokens[role] = t.token;
  }
});
after(async () => dispose());

/** A server bound beyond loopback, as `serve --host 0.0.0.0` makes it; stub-free: the real app on the real store and desk. */
const shared = () => createApp({ store, allowIngest: true, boundHost: '0.0.0.0', now, read: async () => annotatedExample() });
const bearer = (role: Role) => ({ Authorization: `Bearer ${tokens[role]}` });

/** Every write the OpenAPI document lists, with its path's parameters filled in. */
async function writeOperations(): Promise<Array<{ method: string; path: string }>> {
  const doc = await (await shared().request('/api/openapi.json', { headers: { host: '10.0.0.5:8080' } })).json() as { paths: Record<string, Record<string, unknown>> };
  const ops: Array<{ method: string; path: string }> = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      if (method === 'get') continue;
      ops.push({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'nobody') });
    }
  }
  return ops;
}

describe('users and roles (issue 18)', () => {
  test('loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'example.org', '192.168.1.2']) assert.equal(isLoopbackHost(h), false, h);
  });

  test('beyond loopback: no token, a malformed one or an unknown one is 401 on every /api route but the OpenAPI document', async () => {
    const app = shared();
    const headers = { host: '10.0.0.5:8080' };
    for (const path of ['/api/documents', '/api/claims', '/api/me', '/api/places']) {
      const res = await app.request(path, { headers });
      assert.equal(res.status, 401, path);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
    }
    for (const bad of ['Bearer nope', 'Basic dXNlcjpwYXNz', `Bearer ${tokens.reader!.slice(0, -1)}x`, 'Bearer cc_0123456789abcdef_' + 'A'.repeat(43)]) {
      assert.equal((await app.request('/api/documents', { headers: { ...headers, Authorization: bad } })).status, 401, bad);
    }
    assert.equal((await app.request('/api/openapi.json', { headers })).status, 200);
    assert.equal((await app.request('/healthz', { headers })).status, 200);
    const me = await app.request('/api/me', { headers: { ...headers, ...bearer('analyst') } });
    assert.deepEqual(await me.json(), { name: 'analyst-user', role: 'analyst', local: false });
  });

  test('each role against every write endpoint: below the role it needs, 403; at or above, past the gate', async () => {
    const ops = await writeOperations();
    assert.ok(ops.length >= 8, `write operations found: ${JSON.stringify(ops)}`);
    for (const { method, path } of ops) {
      const needed = requiredRole(method, path).role;
      for (const role of ROLES) {
        clock += 60_000; // keep every role under its rate limit
        const res = await shared().request(path, {
          method, headers: { host: '10.0.0.5:8080', 'content-type': 'application/json', ...bearer(role) }, body: method === 'DELETE' ? null : '{}',
        });
        if (roleAllows(role, needed)) assert.ok(![401, 403].includes(res.status), `${role} ${method} ${path}: ${res.status} ${await res.text()}`);
        else {
          assert.equal(res.status, 403, `${role} ${method} ${path}`);
          assert.match(((await res.json()) as { error: { message: string } }).error.message, new RegExp(`needs the ${needed} role`));
        }
      }
    }
    // Readers read: every GET they are given answers.
    assert.equal((await shared().request('/api/claims', { headers: { host: '10.0.0.5:8080', ...bearer('reader') } })).status, 200);
  });

  test('every write names its user in the audit trail; a removed user\'s token stops working at once', async () => {
    const app = shared();
    const headers = { host: '10.0.0.5:8080', 'content-type': 'application/json' };
    clock += 60_000;
    const since = now().toISOString();
    const ingest = await app.request('/api/documents', { method: 'POST', headers: { ...headers, ...bearer('analyst') }, body: JSON.stringify({ text: 'Written for this test: troops were seen near the river.' }) });
    assert.ok([200, 201].includes(ingest.status), await ingest.text());
    const added = await app.request('/api/users', { method: 'POST', headers: { ...headers, ...bearer('admin') }, body: JSON.stringify({ name: 'dana', role: 'reader' }) });
    assert.equal(added.status, 201);
    const { token } = await added.json() as { token: string };
    assert.equal((await app.request('/api/me', { headers: { host: '10.0.0.5', Authorization: `Bearer ${token}` } })).status, 200);
    assert.equal((await app.request('/api/users', { method: 'POST', headers: { ...headers, ...bearer('admin') }, body: JSON.stringify({ name: 'dana', role: 'admin' }) })).status, 409);
    assert.equal((await app.request('/api/users/dana', { method: 'DELETE', headers: { host: '10.0.0.5', ...bearer('admin') } })).status, 200);
    assert.equal((await app.request('/api/me', { headers: { host: '10.0.0.5', Authorization: `Bearer ${token}` } })).status, 401);
    const trail = await desk.listAudit({ since });
    assert.deepEqual(trail.map((a) => [a.actor, a.action, a.target.kind]), [
      ['analyst-user', 'POST /api/documents', 'request'],
      ['admin-user', 'user.add', 'user'],
      ['admin-user', 'user.remove', 'user'],
    ]);
    assert.match(JSON.stringify(trail[0]!.after), /"outcome":"(inserted|updated|unchanged)"/);
    // The token itself is in no record.
    assert.doesNotMatch(JSON.stringify(trail), new RegExp(token.slice(20)));
  });

  test('writes are rate-limited per user: past the burst, 429 with Retry-After; time refills the bucket', async () => {
    const app = createApp({ store, boundHost: '0.0.0.0', now, writeLimit: { perMinute: 6, burst: 2 } });
    const post = () => app.request('/api/users', { method: 'POST', headers: { host: '10.0.0.5', 'content-type': 'application/json', ...bearer('admin') }, body: '{"name": "x"}' });
    assert.equal((await post()).status, 400);
    assert.equal((await post()).status, 400);
    const limited = await post();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '10');
    // Reads are not limited.
    assert.equal((await app.request('/api/users', { headers: { host: '10.0.0.5', ...bearer('admin') } })).status, 200);
    clock += 10_000;
    assert.equal((await post()).status, 400);
  });

  test('loopback: a request without a token is the local operator (audited as local); a bad token is still 401; --require-tokens closes it', async () => {
    const app = createApp({ store, boundHost: '127.0.0.1', now });
    const me = await app.request('/api/me', { headers: { host: '127.0.0.1:8080' } });
    assert.deepEqual(await me.json(), { name: 'local', role: 'admin', local: true });
    assert.equal((await app.request('/api/me', { headers: { host: '127.0.0.1', Authorization: 'Bearer nope' } })).status, 401);
    const closed = createApp({ store, boundHost: '127.0.0.1', now, requireTokens: true });
    assert.equal((await closed.request('/api/me', { headers: { host: '127.0.0.1' } })).status, 401);
  });
});
