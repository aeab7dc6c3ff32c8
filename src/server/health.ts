import { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { PathSpec } from './openapi.js';
import { parseQuery } from './validate.js';

/** How long the database may take to answer before the server reports itself not ready (docs/deployment.md). */
export const READY_TIMEOUT_MS = 1000;

/**
 * Liveness and readiness, as docs/deployment.md describes them:
 * `/healthz` never touches the database (an outage must not restart every
 * server at once); `/readyz` asks it one cheap question within 1 s: the
 * store's `ping` (its schema version) where it has one, else the documents
 * count. The schema version is checked when the store opens (openStore
 * refuses a newer schema), so a store that answers is at the program's version.
 *
 * With a ping, the documents count runs beside it under the same deadline but
 * does not decide readiness: on PostgreSQL `count(*)` scans, and a large table
 * that counts slowly is not a database that is down. It is then `null`.
 */
export function healthRoutes(store: Store, timeoutMs = READY_TIMEOUT_MS): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => {
    parseQuery(c, z.object({}));
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true });
  });
  app.get('/readyz', async (c) => {
    parseQuery(c, z.object({}));
    c.header('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    deadline.catch(() => {});
    try {
      const counted = Promise.race([store.countDocuments(), deadline]).catch(() => null);
      const schema = await Promise.race([store.ping(), deadline]);
      return c.json({ ok: true, store: store.kind, schema, documents: await counted });
    } catch (error) {
      return c.json({ ok: false, store: store.kind, reason: (error as Error).message || 'the database did not answer' }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
  return app;
}

const okSchema = (extra: Record<string, unknown>) => ({ type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, ...extra } });

export const HEALTH_PATHS: Readonly<Record<string, PathSpec>> = {
  '/healthz': {
    get: { summary: 'Liveness: the process answers (no database call)', tags: ['server'],
      responses: { '200': { description: 'Up', content: { 'application/json': { schema: okSchema({}) } } } } },
  },
  '/readyz': {
    get: { summary: 'Readiness: the database answers within 1 s (its schema version, and the number of stored documents); 503 otherwise — take the server out of rotation, do not restart it', tags: ['server'],
      responses: {
        '200': { description: 'Ready', content: { 'application/json': { schema: okSchema({
          store: { type: 'string', enum: ['sqlite', 'postgres'] },
          schema: { type: 'integer', description: "The database's schema version, where the store can be pinged." },
          documents: { type: ['integer', 'null'], description: 'Stored documents; null when a pinged store did not count them within 1 s.' },
        }) } } },
        '503': { description: 'Not ready', content: { 'application/json': { schema: okSchema({ store: { type: 'string' }, reason: { type: 'string' } }) } } },
      } },
  },
};
