import type { AnalyzedDocument, SourceDocument } from '../model/index.js';
import { emptyAnalysis } from '../model/index.js';
import type { ReadContext, Stage } from './stage.js';
import { createSegmentStage, type SegmentOptions } from './segment/index.js';
import { createTimeStage } from './time/index.js';

/** What the stages need that is loaded once, at the edge (CLI, server, eval), and shared by every document. */
export interface Resources {
  readonly segment?: SegmentOptions;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  read(source: SourceDocument, ctx?: ReadContext): AnalyzedDocument;
}

/**
 * The per-document pipeline: the one place where stages are wired together,
 * in order. Each line says why it sits where it does.
 */
export function createPipeline(resources: Resources = {}): Pipeline {
  const stages: Stage[] = [
    // Every later stage works on sentences and tokens; captions are marked here
    // so that the time stage can keep a photo's date out of the news timeline.
    createSegmentStage(resources.segment),
    // Times before everything that anchors to them (attributions take the
    // statement time, claims the time they are about).
    createTimeStage(),
  ];
  return {
    stages,
    read(source, ctx = {}) {
      let doc = emptyAnalysis(source);
      for (const stage of stages) doc = stage.run(doc, ctx);
      return doc;
    },
  };
}
