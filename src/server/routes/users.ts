import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES } from '../../store/desk/desk-store.js';
import { newToken } from '../../store/desk/tokens.js';
import { LOCAL_OPERATOR } from '../auth.js';
import { actorOf, deskBodyLimit, parseBody, requireDesk } from '../desk-common.js';
import { ApiError } from '../errors.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pathParameter } from '../openapi.js';
import { parseParam, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

export const userName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 lower-case letters, digits, . _ or -');
const newUserBody = z.strictObject({ name: userName, role: z.enum(ROLES) });

const userSchema = {
  type: 'object', required: ['name', 'role', 'tokenId', 'createdAt', 'createdBy'],
  properties: { name: { type: 'string' }, role: { type: 'string', enum: [...ROLES] }, tokenId: { type: 'string' }, createdAt: { type: 'string' }, createdBy: { type: 'string' } },
};

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    parseQuery(c, z.object({}));
    return c.json({ items: await requireDesk(deps).listUsers() });
  });
  app.post('/', deskBodyLimit, async (c) => {
    const desk = requireDesk(deps);
    const body = await parseBody(c, newUserBody);
    const { token, tokenId, tokenHash } = await newToken();
    if (!(await desk.addUser({ name: body.name, role: body.role, tokenId, tokenHash }, actorOf(c, deps)))) throw new ApiError('conflict', `there is already a user ${body.name}`);
    const user = (await desk.listUsers()).find((u) => u.name === body.name)!;
    return c.json({ user, token }, 201);
  });
  app.delete('/:name', async (c) => {
    const name = parseParam(c, 'name', userName);
    if (!(await requireDesk(deps).removeUser(name, actorOf(c, deps)))) throw new ApiError('not-found', `no user ${name}`);
    return c.json({ removed: name });
  });
  return app;
}

/** Users (admins only): the token is in the answer to POST once, and nowhere else ever. */
export const userRoutes: RouteModule = {
  base: '/api/users',
  create,
  openapi: {
    '/': {
      get: { summary: 'Users of this server (admin)', tags: ['users'], responses: { '200': jsonResponse('Users, by name.', { type: 'object', properties: { items: { type: 'array', items: userSchema } } }), '403': errorResponse('Not an admin.'), ...STANDARD_ERRORS } },
      post: {
        summary: 'Add a user (admin); the answer holds their token, shown this once', tags: ['users'],
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(newUserBody, { io: 'input' }) } } },
        responses: { '201': jsonResponse('Added.', { type: 'object', properties: { user: userSchema, token: { type: 'string', description: 'cc_…: send as Authorization: Bearer' } } }), '409': errorResponse('The name is taken.'), '403': errorResponse('Not an admin.'), ...STANDARD_ERRORS },
      },
    },
    '/{name}': {
      delete: {
        summary: 'Remove a user (admin); their token stops working at once', tags: ['users'],
        parameters: [pathParameter('name', 'User name.')],
        responses: { '200': jsonResponse('Removed.'), '404': errorResponse('No such user.'), '403': errorResponse('Not an admin.'), ...STANDARD_ERRORS },
      },
    },
  },
};

/** Who the server takes this request to be: the UI shows it and hides what the role may not do. */
export const meRoutes: RouteModule = {
  base: '/api/me',
  create: () => {
    const app = new Hono();
    app.get('/', (c) => {
      parseQuery(c, z.object({}));
      const user = c.get('user') ?? LOCAL_OPERATOR;
      return c.json({ name: user.name, role: user.role, local: user.local });
    });
    return app;
  },
  openapi: {
    '/': {
      get: {
        summary: 'The user this request is answered as', tags: ['users'],
        description: 'With a token: its user and role. Without one, on a server bound to loopback: `local`, an admin (`local: true`). Beyond loopback every /api request but /api/openapi.json needs a token (401).',
        responses: { '200': jsonResponse('The user.', { type: 'object', required: ['name', 'role', 'local'], properties: { name: { type: 'string' }, role: { type: 'string', enum: [...ROLES] }, local: { type: 'boolean' } } }), '401': errorResponse('A token is needed, or the token is unknown.'), ...STANDARD_ERRORS },
      },
    },
  },
};
