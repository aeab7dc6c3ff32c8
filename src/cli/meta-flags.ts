import { isoDateOrDateTime, type MetaOverrides } from '../ingest/metadata.js';
import { UsageError } from './usage-error.js';

/** The metadata flags `analyze` and `ingest` share, for parseArgs. */
export const META_FLAG_OPTIONS = {
  published: { type: 'string' },
  outlet: { type: 'string' },
  url: { type: 'string' },
  title: { type: 'string' },
} as const;

/** `--published/--outlet/--url/--title`, validated: they override every input's own metadata. */
export function overridesFrom(values: { published?: string; outlet?: string; url?: string; title?: string }): MetaOverrides {
  const overrides: { -readonly [K in keyof MetaOverrides]: MetaOverrides[K] } = {};
  if (values.published !== undefined) {
    const parsed = isoDateOrDateTime.safeParse(values.published);
    if (!parsed.success) throw new UsageError(`--published ${JSON.stringify(values.published)} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
    overrides.published = parsed.data;
  }
  if (values.outlet !== undefined) overrides.outlet = values.outlet;
  if (values.url !== undefined) overrides.url = values.url;
  if (values.title !== undefined) overrides.title = values.title;
  return overrides;
}
