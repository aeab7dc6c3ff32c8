import type { Diagnostic } from './diagnostic.js';
import type { Paragraph, Sentence, Token } from './segment.js';
import type { TimeItem } from './time.js';
import type { PlaceMention } from './place.js';
import type { ActorMention, Entity } from './actor.js';
import type { Attribution } from './attribution.js';
import type { Quantity } from './quantity.js';
import type { Event } from './event.js';
import type { Claim } from './claim.js';

/** Metadata of a document, from the input's own metadata, a sidecar file or the command line. */
export interface DocumentMeta {
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** ISO 8601 date or date-time of publication: the reference time of every relative expression. */
  readonly published: string | null;
  /** ISO 639-1 code. */
  readonly language: string | null;
  /** Where the text came from (a path, `-`, a URL, `file#line`). */
  readonly source: string | null;
  readonly byline?: string | null;
  /** The earlier copy of which this is a near-duplicate, and how similar it is. */
  readonly duplicateOf?: { readonly id: string; readonly similarity: number } | null;
  /** For reposted posts: the channel or outlet it was forwarded from. */
  readonly forwardedFrom?: string | null;
}

/** A document as ingest produces it: text and metadata, before reading. */
export interface SourceDocument {
  /** Content hash of `text` (sha256, hex): re-ingesting the same text is a no-op. */
  readonly id: string;
  readonly text: string;
  readonly meta: DocumentMeta;
  readonly diagnostics: readonly Diagnostic[];
}

/** A document after the per-document pipeline. Every list is in canonical order (see compareItems). */
export interface AnalyzedDocument extends SourceDocument {
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly times: readonly TimeItem[];
  readonly places: readonly PlaceMention[];
  readonly actors: readonly ActorMention[];
  readonly entities: readonly Entity[];
  readonly attributions: readonly Attribution[];
  readonly quantities: readonly Quantity[];
  readonly events: readonly Event[];
  readonly claims: readonly Claim[];
}

/** A document ready for the pipeline: every list empty. */
export function emptyAnalysis(source: SourceDocument): AnalyzedDocument {
  return {
    ...source,
    paragraphs: [], sentences: [], tokens: [], times: [], places: [], actors: [], entities: [],
    attributions: [], quantities: [], events: [], claims: [],
  };
}
