import { z } from 'zod';
import { API_ERROR_CODES } from './errors.js';

/** The slice of OpenAPI 3.1 this server writes. */
export type JsonSchema = Record<string, unknown>;

export interface OperationSpec {
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly Record<string, unknown>[];
  readonly requestBody?: Record<string, unknown>;
  readonly responses: Record<string, Record<string, unknown>>;
}

export type PathSpec = Partial<Record<'get' | 'post' | 'put' | 'delete', OperationSpec>>;

/** Query parameters of an operation, written from the same zod schema that validates them. */
export function queryParameters(schema: z.ZodObject): Record<string, unknown>[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name, in: 'query', required: json.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function pathParameter(name: string, description: string, schema: JsonSchema = { type: 'string' }): Record<string, unknown> {
  return { name, in: 'path', required: true, description, schema };
}

/** A JSON response with a schema. */
export function jsonResponse(description: string, schema: JsonSchema = { type: 'object' }): Record<string, unknown> {
  return { description, content: { 'application/json': { schema } } };
}

export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The page envelope (see validate.ts `Page`) around items of a schema. */
export function pageSchema(items: JsonSchema): JsonSchema {
  return {
    type: 'object', required: ['items', 'limit', 'offset', 'total', 'next'],
    properties: {
      items: { type: 'array', items },
      limit: { type: 'integer' }, offset: { type: 'integer' },
      total: { type: ['integer', 'null'] }, next: { type: ['integer', 'null'], description: 'offset of the next page; null on the last page' },
    },
  };
}

export const STANDARD_ERRORS = {
  '400': errorResponse('Invalid parameter or body (unknown parameters are rejected).'),
  '304': { description: 'Not modified (If-None-Match matched the ETag).' },
};

/** The whole OpenAPI document from each route module's paths. */
export function openApiDocument(paths: Readonly<Record<string, PathSpec>>, version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'counterclaim API',
      version,
      description: 'Documents, extracted items and places of a counterclaim ledger. Every GET answers with an ETag; every list is paged with limit and offset; every error is {error: {code, message}}.',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: [...API_ERROR_CODES] }, message: { type: 'string' } } } },
        },
      },
    },
  };
}
