import type { ActorMention, AnalyzedDocument, Attribution, Diagnostic, Entity, Side, Span, Stance, Token } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import type { HostileTerm } from '../actors/actor-dictionary.js';
import { inflect, type CueLexicon } from './cue-lexicon.js';
import type { AttributionCandidate } from './attribution-candidate.js';
import { findCues } from './find-cues.js';
import { extractVerbAttribution, type Typography } from './extract-verb-attributions.js';
import { extractAccordingTo, extractNounClaim } from './extract-other-frames.js';
import { shareSubjects } from './share-subjects.js';
import { extendQuotedContent } from './extend-quoted-content.js';
import { linkAttributionSource } from './link-attribution-source.js';
import { resolveSourceEntities, sideOfWords } from './resolve-source-entities.js';
import { linkStatementTime } from './link-statement-time.js';
import { extractReporterVoice } from './extract-reporter-voice.js';
import { prepareTagging, tagSentence, tokenContext, type SpanTagger, type TaggedSentence } from './span-tagger.js';
import { extractTaggedAttributions, nearestSpan } from './extract-tagged-attributions.js';
import { extractColonFrame } from './extract-colon-frames.js';
import { extractDashAttributions, extractHeadlineSignatures } from './extract-dash-attributions.js';
import { extractAnaphoricContent } from './extract-anaphoric-content.js';
import { dropConnectiveSource, extractSubjectlessVerb, locativeBodyBefore } from './extract-subjectless-verbs.js';
import { extractTopicBeforeCue } from './extract-topic-before-cue.js';
import { extractGenitiveNounClaim } from './extract-genitive-noun-claims.js';
import { extendStraightQuotes } from './extend-straight-quotes.js';
import { widenTaggedContents, widenTaggedCues, widenTaggedSources } from './widen-tagged-sources.js';
import { extendCueVerbGroup } from './extend-cue-verb-group.js';
import { dropOverlappingCues } from './drop-overlapping-cues.js';
import { continueQuotedContent } from './continue-quoted-content.js';
import { extendAdditiveContent } from './extend-additive-content.js';
import { pastDateline } from './skip-dateline.js';
import { extractClaimReferences } from './extract-claim-references.js';
import { indexByPosition, spanCoverage } from '../position-index.js';
import { refineGovernedCues, refineStanceFromContent, type ContentStanceLexicon } from './refine-stance-from-content.js';

const STAGE = 'attribution';

export interface AttributionOptions {
  readonly cues: CueLexicon;
  /** Country names and demonyms → side, for sources that are not actors ("Russian claims"). */
  readonly sides?: ReadonlyMap<string, Side>;
  /** What a party calls its enemy (data/actors/conflicts.json): a statement's pronoun never points back to the side it names so. */
  readonly hostileTerms?: readonly HostileTerm[];
  /**
   * The trained span tagger (models/attribution): when given, it decides which
   * lexicon cues are cues, proposes the cues the lexicon lacks, and names the
   * source where the frames find none.
   */
  readonly tagger?: SpanTagger;
  /** Content patterns that give a neutral cue its stance (data/cues/content-stance.json), compiled. */
  readonly contentStance?: ContentStanceLexicon;
  /** Add the reporter's own voice for unattributed sentences (default true; the PolNeAR eval turns it off). */
  readonly reporterVoice?: boolean;
  /**
   * Cue lexicons of other languages (data/cues/<language>/cues.json, compiled), by language code: a document
   * whose `meta.language` has one is read with it, and without the tagger (trained on English).
   */
  readonly languages?: Readonly<Record<string, CueLexicon>>;
}

/**
 * Who said what (issue 4): cues from the lexicon, one frame extractor per
 * cue, then refiners that share subjects, extend quotations, link sources to
 * entities, times and enclosing claims, and give the rest to the reporter.
 */
export function createAttributionStage(options: AttributionOptions): Stage {
  if (!options || !(options.cues?.byFirst instanceof Map)) {
    throw new Error('attribution: needs the compiled cue lexicon (loadResources() provides resources.cues)');
  }
  // Every inflection of the lexicon's force verbs, so a cue the tagger found ("attacks") is checked too.
  const forceWordsOf = (lexicon: CueLexicon): Set<string> => new Set([...lexicon.byFirst.values()].flat().filter((e) => e.force).flatMap((e) => inflect(e.lemma)));
  const english = { cues: options.cues, tagger: options.tagger, forceWords: forceWordsOf(options.cues) };
  const byLanguage = new Map(Object.entries(options.languages ?? {}).map(([language, lexicon]) => [language, { cues: lexicon, tagger: undefined, forceWords: forceWordsOf(lexicon) }]));
  const sides = options.sides ?? new Map<string, Side>();
  const reporterVoice = options.reporterVoice ?? true;
  return {
    name: STAGE,
    run(doc) {
      // The document's language picks the lexicon; the frames and refiners are the same.
      const { cues, tagger, forceWords } = byLanguage.get(doc.meta.language ?? 'en') ?? english;
      const typography = cues === english.cues ? undefined : OTHER_TYPOGRAPHY;
      const { text, tokens, sentences } = doc;
      const inTime = new Uint8Array(tokens.length);
      const isCue = new Uint8Array(tokens.length);
      if (doc.times.length > 0) {
        let ti = 0;
        const times = [...doc.times].sort((a, b) => a.span[0] - b.span[0]);
        for (let k = 0; k < tokens.length; k++) {
          const s = tokens[k]!.span[0];
          while (ti < times.length && times[ti]!.span[1] <= s) ti++;
          if (ti < times.length && times[ti]!.span[0] <= s) inTime[k] = 1;
        }
      }
      let candidates: AttributionCandidate[] = [];
      const nounClaims: AttributionCandidate[] = [];
      const quoted = insideQuotes(tokens);
      const context = tagger ? tokenContext(tokens, cues) : null;
      const input = tagger ? prepareTagging(tagger, tokens, context!, sentences) : null;
      const tags: Array<TaggedSentence | null> = [];
      // The last token of each sentence's paragraph, found once (not per sentence: a paragraph of
      // many sentences made this quadratic, issue 19).
      const paragraphEnds = new Array<number>(sentences.length);
      for (let k = sentences.length - 1; k >= 0; k--) {
        const next = sentences[k + 1];
        paragraphEnds[k] = next && next.paragraph === sentences[k]!.paragraph ? paragraphEnds[k + 1]! : sentences[k]!.tokens[1];
      }
      for (const sentence of sentences) {
        if (sentence.caption) { tags.push(null); continue; }
        const tagged = tagger ? tagSentence(tagger, tokens, sentence, context!, input!) : null;
        tags.push(tagged);
        // A cue inside a quotation is the quoted speaker's own words ("“I think he's right,” she said"):
        // the quotation is already attributed to them.
        let found = findCues(tokens, sentence, cues).filter((c) => !quoted[c.head]);
        // The tagger decides whether a thought verb is a cue here ("I think", "want", "know" often are not);
        // speech and evidence verbs of the lexicon stay cues.
        if (tagged) found = found.filter((c) => c.entry.frame !== 'verb' || c.anaphoricPassive || tagged.cue.some(([a, b]) => a < c.to && c.from < b));
        for (const c of found) for (let k = c.from; k < c.to; k++) isCue[k] = 1;
        const taken: Array<readonly [number, number]> = [];
        const previous = sentences[sentence.index - 1];
        const paragraphStart = !previous || previous.paragraph !== sentence.paragraph;
        const paragraphEnd = paragraphEnds[sentence.index]!;
        const colon = found.length === 0 || found[0]!.from > sentence.tokens[0] + 6 ? extractColonFrame(tokens, sentence, paragraphStart, paragraphEnd) : null;
        if (colon) { candidates.push(colon); taken.push(colon.cue); }
        // a genitive noun claim is reported inside another's content: kept apart until the subjects are shared
        if (cues.contentIntroducers) {
          for (const c of found) {
            const g = c.entry.frame === 'genitive' ? extractGenitiveNounClaim(tokens, sentence, c, cues.contentIntroducers) : null;
            if (g) { nounClaims.push(g); taken.push(g.cue); }
          }
        }
        // a connective read as the subject ("При цьому зазначили") is none: the verb may be subjectless
        const verbFrame = (c: (typeof found)[number]): AttributionCandidate | null => {
          const v = extractVerbAttribution(text, tokens, sentence, c, inTime, isCue, typography);
          return v && cues.connectives ? dropConnectiveSource(tokens, v, cues.connectives) : v;
        };
        for (const c of found) {
          const anaphoric = cues.anaphors && c.entry.frame === 'verb' ? extractAnaphoricContent(tokens, sentences, sentence, c, cues.anaphors, cues.anaphorAgents) : null;
          // (after the anaphoric reading: "Про це повідомив X" points back, "Про втрату міста свідчать X" names its topic)
          const topic = !anaphoric && cues.topicPrepositions ? extractTopicBeforeCue(tokens, sentence, c, cues.topicPrepositions) : null;
          const candidate = anaphoric ?? topic ?? (c.entry.frame === 'according' ? extractAccordingTo(tokens, sentence, c)
            : c.entry.frame === 'noun' ? extractNounClaim(tokens, sentence, c)
            : c.entry.frame === 'genitive' ? null
            : verbFrame(c) ?? (cues.dropsSubjects ? extractSubjectlessVerb(tokens, sentence, c) : null));
          if (candidate) { candidates.push(candidate); taken.push(candidate.cue); }
        }
        if (tagged) {
          // "He said:" ending a paragraph introduces the next paragraph (a block quotation)
          let introducedEnd = paragraphEnd;
          const nextParagraph = sentences[sentence.index + 1];
          if (introducedEnd === sentence.tokens[1] && nextParagraph && !nextParagraph.caption) introducedEnd = paragraphEnds[nextParagraph.index]!;
          candidates.push(...extractTaggedAttributions(tokens, sentence, tagged, taken, cues, introducedEnd));
        }
      }
      // a quotation signed with a dash after its closing mark ("“…” ― Sonya Herridge"): spans sentences, so found once per document
      for (const d of [...extractDashAttributions(tokens, sentences), ...(typography ? extractHeadlineSignatures(tokens, sentences) : [])]) {
        if (!sentences[d.sentence]!.caption && !candidates.some((c) => c.cue[0] < d.cue[1] && d.cue[0] < c.cue[1])) candidates.push(d);
      }
      // Without the tagger, a language that drops subjects shares the source of the report just before (up to two sentences back).
      // With none, a body named as where it spoke in the sentence before ("у Генштабі не надали. … повідомили, що").
      const entityOf = new Map(doc.entities.map((e) => [e.id, e]));
      const previousSource = (c: AttributionCandidate): readonly [number, number] | null =>
        [...candidates].reverse().find((p) => p.cue[0] < c.cue[0] && p.source && !p.sharedSource && p.entry.frame === 'verb' && p.sentence >= c.sentence - 2)?.source
        ?? (c.rule === 'subjectless' ? locativeBodyBefore(tokens, sentences, c.sentence, doc.actors, entityOf) : null);
      candidates = shareSubjects(tokens, candidates, tagger ? (c) => nearestSpan(tags[c.sentence]?.source ?? [], c.cue) : cues.dropsSubjects ? previousSource : undefined)
        .map((c) => extendQuotedContent(text, tokens, sentences, c))
        .map((c) => (typography ? extendStraightQuotes(tokens, sentences, c) : c));
      candidates.push(...nounClaims);
      // an attitude the lexicon does not know, inside what a lexicon frame reports ("the ministry said the
      // troops were trapped and suffering losses"), is part of that report, not a statement of its own
      if (tagger) {
        const reported = spanCoverage(candidates.filter((c) => !c.rule.startsWith('tagged')).map((c) => [c.content[0], c.content[1]] as Span));
        candidates = candidates.filter((c) => c.rule !== 'tagged-attitude'
          || !reported.covers(tokens[c.cue[0]]!.span[0], tokens[c.cue[1] - 1]!.span[1]));
      }
      if (tagger) candidates = widenTaggedCues(tokens, widenTaggedContents(tokens, widenTaggedSources(candidates, tags), tags), tags);
      // after the widening: the verb group is added to whatever extent the cue has by now
      candidates = dropOverlappingCues(extendCueVerbGroup(tokens, candidates, typography?.negations));
      // after every cue is known: a quotation with a cue of its own is not another's continuation
      const anyCue = new Uint8Array(tokens.length);
      for (const c of candidates) for (let k = c.cue[0]; k < c.cue[1]; k++) anyCue[k] = 1;
      candidates = continueQuotedContent(tokens, sentences, candidates, anyCue);
      if (cues.additives) candidates = extendAdditiveContent(tokens, sentences, candidates, anyCue, cues.additives);
      candidates = dropForceVerbCues(tokens, candidates, doc, forceWords);

      const entityById = new Map(doc.entities.map((e) => [e.id, e]));
      const attributions: Attribution[] = [];
      // Sources linked so far, as actor mentions: a word for a body ("там", "ведомство") points back to the latest body that spoke.
      const spoken: ActorMention[] = [];
      for (const c of [...candidates].sort((a, b) => a.cue[0] - b.cue[0])) {
        const cueSpan: Span = [tokens[c.cue[0]]!.span[0], tokens[c.cue[1] - 1]!.span[1]];
        const sourceSpan: Span | null = c.source ? [tokens[c.source[0]]!.span[0], tokens[c.source[1] - 1]!.span[1]] : null;
        const sourceText = sourceSpan ? text.slice(sourceSpan[0], sourceSpan[1]) : '';
        // words that state a side ("російського командування") name their own speaker: no pointing back
        const coreference = cues.coreference && sideOfWords(sourceText, sides) === 'UNKNOWN' ? cues.coreference : undefined;
        // a source reported inside this statement's own content ("… повідомлення з Кремля …", – акцентували там) is not what it points back to
        const insideContent = (s: ActorMention): boolean => s.span[0] >= c.content[0] && s.span[1] <= c.content[1];
        const earlier = coreference && spoken.some(insideContent) ? spoken.filter((s) => !insideContent(s)) : spoken;
        let entity = sourceSpan
          ? (coreference ? linkAttributionSource(sourceSpan, sourceText, earlier, entityById, coreference, true) : null)
            ?? linkAttributionSource(sourceSpan, sourceText, doc.actors, entityById, coreference)
          : null;
        // a bare record as the source ("згідно з мапою"): the evidence of the body whose record was named before
        const record = sourceSpan !== null && cues.coreference?.record?.has(sourceText.toLowerCase()) === true;
        const recordOwner = record && !entity ? [...attributions].reverse().find((a) => a.stance === 'evidence' && a.speaker !== null)?.speaker ?? null : null;
        if (recordOwner) entity = recordOwner;
        if (sourceSpan && entity) spoken.push({ id: `spoken:${sourceSpan[0]}`, kind: 'actor', span: sourceSpan, text: sourceText, origin: { stage: STAGE, rule: 'spoken' }, entity, resolution: 'coreference' });
        const content: Span = [pastDateline(text, tokens, doc.places, c.content[0], c.content[1]), c.content[1]];
        const contentText = text.slice(content[0], content[1]);
        const parts = (c.contentParts ?? []).map(([a, b]) => ({ span: [a, b] as Span, text: text.slice(a, b) }));
        const starts = [cueSpan[0], content[0], ...(sourceSpan ? [sourceSpan[0]] : []), ...parts.map((p) => p.span[0])];
        const ends = [cueSpan[1], content[1], ...(sourceSpan ? [sourceSpan[1]] : []), ...parts.map((p) => p.span[1])];
        const span: Span = [Math.min(...starts), Math.max(...ends)];
        const clause: Span = [Math.min(cueSpan[0], sourceSpan?.[0] ?? cueSpan[0]), Math.max(cueSpan[1], sourceSpan?.[1] ?? cueSpan[1])];
        const sentenceSpan = sentences[c.sentence]!.span;
        attributions.push({
          id: itemId('attribution', cueSpan), kind: 'attribution', span, text: text.slice(span[0], span[1]),
          origin: { stage: STAGE, rule: c.rule }, voice: 'source',
          source: sourceSpan ? { span: sourceSpan, text: sourceText, entity } : null,
          speaker: entity,
          cue: { span: cueSpan, text: text.slice(cueSpan[0], cueSpan[1]), lemma: c.entry.lemma },
          content: { span: content, text: contentText },
          ...(parts.length > 0 ? { contentParts: parts } : {}),
          // (a claim named by a noun is inside the sentence whose speaker rejects it: the rejection is not its own)
          ...rejectionStance(text, tokens, content, record ? 'evidence' : c.entry.stance, c.rule, cues.rejections),
          direct: directness(contentText),
          time: linkStatementTime(sentenceSpan, clause, content, doc.times),
          side: entity ? entityById.get(entity)?.side ?? 'UNKNOWN' : sideOfWords(sourceText, sides),
          nestedIn: null,
        });
      }
      // nesting: a cue inside another attribution's content is reported by it (innermost wins)
      // Parents looked for among the contents that start near enough to hold the cue (issue 19).
      const byContentStart = indexByPosition(attributions, (p) => p.content.span[0]);
      const widestContent = attributions.reduce((m, p) => Math.max(m, p.content.span[1] - p.content.span[0]), 0);
      const nested = attributions.map((a) => {
        let parent: Attribution | null = null;
        for (const p of a.cue ? byContentStart.between(a.cue.span[1] - widestContent, a.cue.span[0] + 1) : []) {
          if (p === a || !a.cue || p.content.span[0] > a.cue.span[0] || p.content.span[1] < a.cue.span[1]) continue;
          if (!parent || p.content.span[1] - p.content.span[0] < parent.content.span[1] - parent.content.span[0]) parent = p;
        }
        return parent ? { ...a, nestedIn: parent.id } : a;
      });

      // after nesting, in text order: sources read as a careful reader does (appositions, pronouns, descriptions)
      // the day each statement was made, for a pronoun's same-day statement (only days: a month says little)
      const days = new Map(doc.times.flatMap((t) => (t.value !== null && /^\d{4}-\d{2}-\d{2}$/.test(t.value) ? [[t.id, t.value] as [string, string]] : [])));
      const sourced = resolveSourceEntities(text, nested, doc.actors, doc.entities, sides, options.hostileTerms, days);
      nested.splice(0, nested.length, ...sourced.attributions);
      const diagnostics: Diagnostic[] = [];
      let entities: readonly Entity[] = sourced.entities;
      if (reporterVoice) {
        // An attitude cue the lexicon does not know ("issued statements about", "mocked") reports the
        // source's act, which is itself the reporter's claim: its sentence keeps the reporter's voice.
        const covered = nested.filter((a) => a.origin.rule !== 'tagged-attitude').flatMap((a) => [a.cue!.span, a.content.span, ...(a.contentParts ?? []).map((p) => p.span)]);
        const own = extractReporterVoice(sentences, covered);
        if (own.length > 0) {
          const outlet: Entity = { id: 'entity:outlet', name: doc.meta.outlet ?? 'the outlet (reporter)', kind: 'media', side: 'MEDIA', role: 'reporter', key: null, mentions: [] };
          entities = [...entities.filter((e) => e.id !== outlet.id), outlet].sort((a, b) => a.id.localeCompare(b.id));
          for (const s of own) {
            let end = s.span[1];
            while (end > s.span[0] && /[.!?\s]/.test(text.charAt(end - 1))) end--;
            const span: Span = [pastDateline(text, tokens, doc.places, s.span[0], end), end];
            const contentText = text.slice(span[0], span[1]);
            nested.push({
              id: itemId('attribution', span, 'reporter'), kind: 'attribution', span, text: contentText,
              origin: { stage: STAGE, rule: 'reporter-voice' }, voice: 'reporter', source: null, speaker: outlet.id, cue: null,
              content: { span, text: contentText }, stance: 'assert', direct: directness(contentText), time: null, side: 'MEDIA', nestedIn: null,
            });
          }
        }
      }
      for (const a of nested) {
        if (a.voice === 'source' && !a.source) {
          diagnostics.push({ code: 'attribution.no-source', severity: 'info', message: `no source named for “${a.cue!.text}”`, span: a.cue!.span, stage: STAGE, rule: a.origin.rule });
        }
      }
      nested.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1] || a.id.localeCompare(b.id));
      // after the contents are final: a neutral cue takes its stance from what was said
      const contentStance = options.contentStance;
      const refined = contentStance ? refineGovernedCues(text, nested.map((a) => refineStanceFromContent(a, contentStance, doc.meta.language ?? 'en'))) : nested;
      // after the stances are final: "…, a day after Trump made the claim" inside a denial is Trump's claim
      const references = extractClaimReferences(doc, refined, entities).filter((r) => !refined.some((a) => a.cue && a.cue.span[0] < r.cue!.span[1] && r.cue!.span[0] < a.cue.span[1]));
      const all = references.length > 0 ? [...refined, ...references].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1] || a.id.localeCompare(b.id)) : refined;
      return { ...doc, attributions: all, entities, diagnostics: [...doc.diagnostics, ...diagnostics] };
    },
  };
}

/** Russian and Ukrainian copy: spaced hyphens as dashes, quoted names of units and bodies (see Typography). */
const OTHER_TYPOGRAPHY: Typography = {
  spacedDashes: true, quotedNames: true,
  // Russian and Ukrainian prepositions that start a tail after a source ("в докладе", "в ефірі", "під час брифінгу")
  sourceTails: new Set(['в', 'во', 'на', 'при', 'после', 'во время', 'перед', 'у', 'під', 'після', 'під час', 'для']),
  negations: new Set(['не']),
  demonstratives: new Set(['эту', 'эти', 'этот', 'эта', 'это', 'данную', 'данные', 'данное', 'такие', 'такую', 'подобные', 'цю', 'ці', 'цей', 'ця', 'це', 'такі', 'таку', 'дану', 'дані', 'подібні']),
  media: new Set([
    'эфире', 'интервью', 'комментарии', 'беседе', 'разговоре', 'заявлении', 'обращении', 'видеообращении', 'брифинге', 'telegram', 'телеграм', 'телеграме', 'telegram-канале', 'соцсетях', 'facebook', 'докладе',
    'ефірі', 'інтерв’ю', "інтерв'ю", 'коментарі', 'розмові', 'заяві', 'зверненні', 'відеозверненні', 'брифінгу', 'телеграмі', 'telegram-каналі', 'соцмережах', 'доповіді', 'телемарафоні',
  ]),
};

const NEUTRAL_STANCES: ReadonlySet<Stance> = new Set(['assert', 'report']);

/**
 * The stance of a content that rejects what it names ("В Генштабе заявили, что это не
 * соответствует действительности"): one of the language's rejections among its tokens makes a
 * neutral cue deny, with the rejection's words as `stanceFrom` (a rejection frame: it denies its
 * complement or the claim it answers, not the speaker's other words). A claim named by a noun is
 * inside the sentence whose speaker rejects it: the rejection is not its own.
 */
function rejectionStance(
  text: string, tokens: readonly Token[], content: Span, stance: Stance, rule: string, rejections: ReadonlyArray<readonly string[]> | undefined,
): Pick<Attribution, 'stance' | 'stanceFrom'> {
  if (!rejections || !NEUTRAL_STANCES.has(stance) || rule === 'genitive-noun') return { stance };
  const found = rejectionIn(tokens, content, rejections);
  if (!found) return { stance };
  return { stance: 'deny', stanceFrom: { span: found, text: text.slice(found[0], found[1]), rule: 'content-deny-frame' } };
}

/** The span of the first rejection inside the content, or null; starts at the content's first token (binary search). */
function rejectionIn(tokens: readonly Token[], content: Span, rejections: ReadonlyArray<readonly string[]>): Span | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.span[1] <= content[0]) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < tokens.length && tokens[k]!.span[0] < content[1]; k++) {
    for (const r of rejections) {
      if (r.every((norm, i) => tokens[k + i]?.norm === norm && tokens[k + i]!.span[1] <= content[1])) return [tokens[k]!.span[0], tokens[k + r.length - 1]!.span[1]];
    }
  }
  return null;
}

/** 1 for tokens between an opening and its closing typographic quote (a paragraph closes any left open). */
function insideQuotes(tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let depth = 0;
  let sentence = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === '“' || t.text === '«') depth = 1;
    else if (t.text === '”' || t.text === '»') depth = 0;
    else if (depth > 0) out[k] = 1;
    if (t.sentence !== sentence) sentence = t.sentence;
  }
  return out;
}

/** Spans asked which of them overlap [a, b), by position (issue 19). */
function nearSpans(spans: readonly Span[]): { overlapping(a: number, b: number): Span[] } {
  const byStart = indexByPosition(spans, (s) => s[0]);
  const widest = spans.reduce((m, s) => Math.max(m, s[1] - s[0]), 0);
  return { overlapping: (a, b) => byStart.between(a - widest, b).filter(([x, y]) => x < b && a < y) };
}

function directness(content: string): Attribution['direct'] {
  const quotes = content.match(/[“”"«»]/g)?.length ?? 0;
  if (quotes === 0) return 'indirect';
  return /^[“"«]/.test(content) && /[”"»][.,!?]?$/.test(content) && quotes === 2 ? 'quoted' : 'mixed';
}


/**
 * A verb that also names an act of force ("attacked") reports speech only
 * between speakers ("the senator attacked the plan"). In war reporting its
 * subject is often an armed force and its object a place or a force
 * ("Ukrainian forces attacked Russian positions", "drones attacked Kyiv"):
 * there it is the event, for the events and claims stages, not a statement.
 * Cue words come from the lexicon entries marked `force`; tagged cues are
 * checked by their words too.
 */
function dropForceVerbCues(
  tokens: readonly Token[], candidates: readonly AttributionCandidate[], doc: AnalyzedDocument, forceWords: ReadonlySet<string>,
): AttributionCandidate[] {
  if (forceWords.size === 0) return [...candidates];
  const military = new Set(doc.entities.filter((e) => e.kind === 'military').map((e) => e.id));
  const armed = nearSpans(doc.actors.filter((a) => a.entity !== null && military.has(a.entity)).map((a) => a.span));
  const places = nearSpans(doc.places.map((p) => p.span));
  const overlaps = (spans: ReturnType<typeof nearSpans>, a: number, b: number): boolean => spans.overlapping(a, b).length > 0;
  return candidates.filter((c) => {
    if (!tokens.slice(c.cue[0], c.cue[1]).some((t) => forceWords.has(t.norm))) return true;
    if (c.source && overlaps(armed, tokens[c.source[0]]!.span[0], tokens[c.source[1] - 1]!.span[1])) return false;
    // The object: the word right after the cue (after a determiner), in a place or an armed force.
    let k = c.cue[1];
    if (k < tokens.length && /^(the|a|an)$/.test(tokens[k]!.norm)) k++;
    const next = tokens[k];
    return !(next && (overlaps(armed, next.span[0], next.span[1]) || overlaps(places, next.span[0], next.span[1])));
  });
}
