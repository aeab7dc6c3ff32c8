import { Hono } from 'hono';
import { z } from 'zod';
import { SearchQueryError } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { STANDARD_ERRORS, jsonResponse, queryParameters } from '../openapi.js';
import { parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/**
 * Full-text search over the documents' titles and text with the store's own
 * index (FTS5 on SQLite, tsvector on PostgreSQL), for the web UI's header
 * search: a person named only in an article's body is found.
 *
 * Whatever is typed is taken as words, never as the query language: each word
 * becomes a quoted phrase (a double quote in it doubled), so `Russia's`, a lone
 * `"`, `AND`, `NOT`, `*` or `(` can never be a syntax error or an operator.
 * Words without a letter or digit are dropped. Cyrillic words are words like
 * any other (both indexes tokenise Unicode).
 */
export function wordsQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ') : null;
}

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200).describe('Words to find (all of them) in the title or text; any characters are safe.'),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code like en, ru, uk').optional().describe('Only documents in this language.'),
  limit: z.coerce.number().int().min(1).max(50).default(20).describe('Documents to return (1-50), best match first.'),
});

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { q, language, limit } = parseQuery(c, searchQuery);
    const text = wordsQuery(q);
    if (text === null) return c.json({ query: q, documents: [] });
    try {
      const documents = await deps.store.searchDocuments({ text, limit, ...(language ? { language } : {}) });
      return c.json({ query: q, documents });
    } catch (error) {
      // Cannot happen with quoted words; if a backend still refuses one, it is the request's fault, said plainly.
      if (error instanceof SearchQueryError) throw new ApiError('bad-request', error.message);
      throw error;
    }
  });
  return app;
}

export const searchRoutes: RouteModule = {
  base: '/api/search',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Full-text search over documents (title and text), best match first; any input is taken as words', tags: ['documents'],
        parameters: queryParameters(searchQuery),
        responses: {
          '200': jsonResponse('query, and documents: id, title, outlet, published, snippet (plain text) and highlights ([start, end) offsets in the snippet).', {
            type: 'object', properties: { query: { type: 'string' }, documents: { type: 'array', items: { type: 'object' } } },
          }),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
