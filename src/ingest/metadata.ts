import { z } from 'zod';
import type { DocumentMeta } from '../model/index.js';

/** An ISO 8601 date (`2025-11-06`) or date-time with a zone (`2025-11-06T08:30:00Z`, `...+02:00`). */
export const isoDateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date like 2025-11-06 or date-time like 2025-11-06T08:30:00Z')
  // A real day of its month: Date.parse takes 2025-02-30 as 2 March (issue 19), so the day is checked by the round trip.
  .refine((s) => {
    const day = s.slice(0, 10);
    const parsed = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day;
  }, 'is not a real calendar date');

/** The sidecar `NAME.meta.json` (fields as in the bundled example); unknown fields are kept out, not errors. */
export const sidecarSchema = z.object({
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  url: z.string().nullish(),
  published: isoDateOrDateTime.nullish(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en').nullish(),
  byline: z.string().nullish(),
});

export type MetaOverrides = Partial<Pick<DocumentMeta, 'title' | 'outlet' | 'url' | 'published' | 'language'>>;

/** Sidecar and command-line values over defaults; the command line wins. */
export function mergeMeta(source: string | null, ...layers: Array<MetaOverrides | undefined>): DocumentMeta {
  const pick = <K extends keyof MetaOverrides>(key: K): DocumentMeta[K] => {
    let value: DocumentMeta[K] = null as DocumentMeta[K];
    for (const layer of layers) if (layer && layer[key] != null) value = layer[key] as DocumentMeta[K];
    return value;
  };
  return {
    title: pick('title'), outlet: pick('outlet'), url: pick('url'), published: pick('published'),
    language: pick('language'), source,
  };
}

/** Formats the problems zod found as one line: `published: must be an ISO 8601 date ...`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
