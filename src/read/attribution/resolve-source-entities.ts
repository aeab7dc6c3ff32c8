import type { ActorMention, Attribution, Entity, Side, Span } from '../../model/index.js';
import { sidesNamedHostile, type HostileTerm } from '../actors/actor-dictionary.js';
import { indexByPosition, within, type PositionIndex } from '../position-index.js';

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
/** Russian and Ukrainian titles of a person that open a source ("речника ОСУВ …", "представитель штаба …"): the stem, matched in any case. */
const CYRILLIC_PERSON_TITLE = /^(речни|спікер|спикер|представни|представител|прес-секретар|пресс-секретар|командувач|командующ|начальни|очільни)\p{L}*(?=\s)/iu;
/** Russian and Ukrainian titles of commentators who speak for no side ("військовий оглядач", "политолог"): warnews GUIDELINES, analysts are THIRD. */
const ANALYST_TITLE = /(?<![\p{L}])(оглядач|обозревател|аналітик|аналитик|експерт|эксперт|політолог|политолог)\p{L}*\s*$/iu;
const ANALYST_BEFORE_NAME = /(?<![\p{L}])(оглядач|обозревател|аналітик|аналитик|експерт|эксперт|політолог|политолог)\p{L}*\s+\p{Lu}/u;
/** "глава государства", "глава держави": the president. */
const HEAD_OF_STATE = /^глав\p{L}* (государства|держави)$/u;
/** Russian and Ukrainian singular personal pronouns as sources ("сказал он", "розповів він"). */
const CYRILLIC_PERSON_PRONOUNS = new Set(['он', 'она', 'він', 'вона']);
/** Pronouns and descriptions that point back to an organisation that spoke ("the ministry said ... It added"). */
const GROUP_PRONOUNS = new Set(['it', 'they', 'them']);
/** Heads of definite descriptions of a person ("the spokesman", "the politician"). */
const PERSON_HEADS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'politician', 'general', 'official', 'minister', 'commander', 'lawmaker', 'legislator',
  'president', 'governor', 'mayor', 'analyst', 'adviser', 'advisor', 'envoy', 'ambassador', 'diplomat', 'chief', 'head', 'colonel', 'officer',
  'commander-in-chief', 'premier', 'chancellor', 'secretary', 'prosecutor', 'blogger', 'correspondent',
]);
/** Heads of definite descriptions of what an organisation issued or is ("the statement", "the group"). */
const GROUP_HEADS = new Set([
  'statement', 'group', 'ministry', 'military', 'army', 'organisation', 'organization', 'movement', 'militia', 'agency', 'office', 'command',
  'service', 'department', 'administration', 'government', 'authorities', 'spokesperson\'s office', 'channel', 'post', 'report', 'communique', 'announcement',
]);
/** Of those, the heads of what was issued, not of who issues it ("the report": its sentence's parties are its topic). */
const ISSUED_HEADS = new Set(['statement', 'post', 'report', 'communique', 'announcement', 'channel']);
/** Heads of a part of an organisation that speaks for it ("its press office", "their command"), not of what it issued. */
const SUB_BODY_HEADS = new Set(['office', 'service', 'command', 'department', 'headquarters', 'staff']);

/** The part of a body a possessive description names ("its press office" of the Khortytsia group): one entity per body and part. */
function partOf(body: Entity, part: string, added: Map<string, Entity>): Entity {
  const id = `${body.id}:part:${part.replace(/\s+/g, '-')}`;
  const existing = added.get(id);
  if (existing) return existing;
  const entity: Entity = { id, name: `${body.name} ${part}`, kind: body.kind, side: body.side, role: null, key: null, mentions: [] };
  added.set(id, entity);
  return entity;
}
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those']);
const NOT_NAME_WORDS = new Set(['the', 'a', 'an', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'this', 'that', 'there', 'but', 'and', 'in', 'on', 'at', 'as', 'if', 'when', 'while']);

const isPersonDescription = (name: string): boolean => PERSON_HEADS.has(name.toLowerCase().split(/\s+/).at(-1) ?? '');
const isPersonLike = (e: Entity): boolean => e.kind === 'person' || (e.kind === 'unnamed' && isPersonDescription(e.name));

/** Last words of organisations' names: a capitalised run ending in one is no person ("Al-Masirah TV", "the Southern Command"). */
const ORGANISATION_WORDS = new Set(['tv', 'television', 'radio', 'news', 'agency', 'ministry', 'forces', 'force', 'army', 'navy', 'group', 'council', 'committee', 'office',
  'service', 'command', 'staff', 'channel', 'times', 'post', 'press', 'post', 'guard', 'brigade', 'regiment', 'battalion', 'corps', 'division', 'party', 'movement', 'front',
  'government', 'administration', 'authority', 'authorities', 'department', 'chamber', 'parliament', 'assembly', 'institute', 'centre', 'center', 'watch', 'international']);

/** The capitalised run of two to four words that ends a phrase after a lower-case title ("member Vladimir Rogov"), or null. */
function trailingName(ws: readonly string[]): string[] | null {
  let k = ws.length;
  while (k > 0 && isCapitalisedWord(ws[k - 1]!)) k--;
  const run = ws.slice(k);
  if (run.length < 2 || run.length > 4 || k === 0 || isCapitalisedWord(ws[k - 1]!)) return null;
  if (ORGANISATION_WORDS.has(run[run.length - 1]!.toLowerCase()) || NOT_NAME_WORDS.has(run[0]!.toLowerCase())) return null;
  return run;
}

export interface SourceResolution {
  readonly attributions: Attribution[];
  /** The entities of the document, with the people named only as sources added. */
  readonly entities: Entity[];
}

interface Speaker {
  readonly span: Span;
  readonly entity: Entity;
  /** The speaker published evidence here ("released footage", "shared a video"). */
  readonly published?: boolean;
  /** The speaker made a claim here ("claimed", "claiming"): what "the claim" points back to. */
  readonly claimed?: boolean;
  /** Where the statement's cue ends: a participle after it in the same sentence is the same speaker's. */
  readonly cueEnd?: number;
  /** The day the statement was made, when the text dates it ("on Wednesday" → 2023-10-18). */
  readonly day?: string;
}

/** A wire dateline: a place in capitals, perhaps a date, the agency in brackets, a dash ("KYIV, Nov 20 (Reuters) -"). */
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu},?\s*(?:[\p{L}.]+\s+\d{1,2},?\s*)?\([\p{L} .]+\)\s*[-–—]\s*/u;
/** "the claim", "these claims": a description of what a speaker claimed. */
const CLAIM_HEADS = new Set(['claim', 'claims', 'allegation', 'allegations']);
/** A person's role that speaks for a body: "they" after such a person's statement is the body. */
const SPOKESPERSON_ROLE = /\b(spokes(?:man|woman|person)|press secretary|representative|press officer)\b/i;
/** A possessive or definite noun phrase before a participle cue ("… attacks by their forces claiming to …"). */
const PARTICIPLE_SOURCE = /^(?:their|its|his|her|the)\s/i;

const words = (text: string): string[] => text.replace(/[’]/g, "'").split(/[\s,]+/).filter(Boolean);
const isCapitalisedWord = (w: string): boolean => /^\p{Lu}[\p{L}'’.-]*$/u.test(w);

/** "Oleksandr Shtupun" — one to four capitalised words, the first not a determiner or pronoun. */
function properName(head: string): boolean {
  const ws = words(head);
  return ws.length >= 1 && ws.length <= 4 && ws.every(isCapitalisedWord) && !NOT_NAME_WORDS.has(ws[0]!.toLowerCase()) && (ws.length >= 2 || ws[0]!.length > 3);
}

/**
 * Refiner: the entity each attribution's source names, read the way a careful
 * reader does (issue 13, item 2):
 * - the head of an apposition is the source ("Oleksandr Shtupun, a spokesman
 *   for Ukraine's army" is Shtupun, of the army's side), not the last actor in it;
 * - a person named only as a source becomes an entity, with the side of the
 *   organisation or the nationality in the apposition;
 * - "he"/"she" and person descriptions ("the spokesman") are the latest person
 *   who spoke before (a named one, or one described as a person: "a military
 *   spokesman"), else the latest person mentioned; "it", "they" and
 *   descriptions of what an organisation issued ("the statement", "the group")
 *   are the latest organisation that spoke, else the latest one mentioned.
 * Sources the actor stage linked to a named actor keep it.
 */
export function resolveSourceEntities(
  text: string, attributions: readonly Attribution[], actors: readonly ActorMention[], entities: readonly Entity[], sides: ReadonlyMap<string, Side>,
  hostileTerms: readonly HostileTerm[] = [], days: ReadonlyMap<string, string> = new Map(),
): SourceResolution {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const added = new Map<string, Entity>();
  const entityOf = (id: string | null): Entity | undefined => (id ? byId.get(id) ?? added.get(id) : undefined);
  // in text order: sources where they stand, a statement with none (", alleging …") at its cue
  const at = (a: Attribution): number => a.source?.span[0] ?? a.cue?.span[0] ?? a.content.span[0];
  const order = attributions.map((a, i) => ({ a, i })).filter(({ a }) => a.source || (a.voice === 'source' && a.cue)).sort((x, y) => at(x.a) - at(y.a) || x.i - y.i);
  const out = [...attributions];
  const speakers: Speaker[] = [];
  const sortedActors = [...actors].sort((x, y) => x.span[0] - y.span[0]);
  // The actors inside a source, found by position: a scan of them all per source made this stage quadratic (issue 19).
  const actorsByStart = indexByPosition(sortedActors, (m) => m.span[0]);
  let actorCursor = 0;
  const persons: Entity[] = [];
  const groups: Entity[] = [];
  const advanceActors = (to: number): void => {
    for (; actorCursor < sortedActors.length && sortedActors[actorCursor]!.span[1] <= to; actorCursor++) {
      const e = entityOf(sortedActors[actorCursor]!.entity);
      if (!e || e.kind === 'unnamed' || e.kind === 'evidence') continue;
      (e.kind === 'person' ? persons : groups).push(e);
    }
  };
  // The sides the statement in hand calls its enemy ("the Zionist enemy"): a pronoun or a description
  // pointing back does not reach a speaker or actor of those sides.
  let hostile: ReadonlySet<Side> = new Set();
  const latestOf = <T>(list: readonly T[], entity: (x: T) => Entity, fits: (e: Entity) => boolean): Entity | undefined => {
    for (let k = list.length - 1; k >= 0; k--) {
      const e = entity(list[k]!);
      if (fits(e) && !hostile.has(e.side)) return e;
    }
    return undefined;
  };
  const latestSpeaker = (person: boolean): Entity | undefined => latestOf(speakers, (s) => s.entity, (e) => isPersonLike(e) === person);
  const lastPerson = (): Entity | undefined => latestOf(persons, (e) => e, () => true);
  const lastGroup = (): Entity | undefined => latestOf(groups, (e) => e, () => true);
  const dayOf = (a: Attribution): string | undefined => (a.time ? days.get(a.time) : undefined);

  for (const { a, i } of order) {
    if (!a.source) {
      // "The army shared a map, alleging it proves …": a participle after a comma is the sentence's subject's
      const subject = participleSubject(text, a, actorsByStart, entityOf);
      if (subject) {
        out[i] = { ...a, source: { span: subject.span, text: text.slice(subject.span[0], subject.span[1]), entity: subject.entity.id }, speaker: subject.entity.id, side: subject.entity.side };
        speakers.push({ span: subject.span, entity: subject.entity, ...(a.cue ? { cueEnd: a.cue.span[1] } : {}), ...(a.cue?.lemma === 'claim' ? { claimed: true } : {}) });
      }
      continue;
    }
    // a source that opens with a wire dateline ("GENEVA, (Reuters) – Human Rights Watch") is the words after it
    const filed = WIRE_DATELINE.exec(a.source.text);
    const source = filed && filed[0].length < a.source.text.length
      ? { ...a.source, span: [a.source.span[0] + filed[0].length, a.source.span[1]] as Span, text: a.source.text.slice(filed[0].length) }
      : a.source;
    if (source !== a.source) out[i] = { ...a, source };
    // "The claims could not be verified": a determiner alone names nobody
    if (DETERMINERS.has(source.text.trim().toLowerCase())) {
      out[i] = { ...a, source: null, speaker: null, side: 'UNKNOWN' };
      continue;
    }
    advanceActors(source.span[0]);
    hostile = hostileTerms.length > 0 ? sidesNamedHostile(a.content.text, hostileTerms) : hostile;
    let resolved = participleSpeaker(text, a, speakers.at(-1))
      ?? sameDayGroup(source.text, dayOf(a), speakers, hostile)
      ?? resolveOne(text, source.span, source.text, sortedActors, actorsByStart, entityOf, sides, added, latestSpeaker, lastPerson, lastGroup, speakers, hostile, entities);
    // "The video shows …" after "the ministry released footage": evidence the text points back to is its
    // publisher's (issue 13: evidence with the side of whoever published it); "footage shared online" has none
    const named = resolved ?? entityOf(source.entity);
    if (named?.kind === 'evidence' && named.side === 'UNKNOWN' && /^(the|this|that|these|those)\s/i.test(source.text)) {
      const publisher = speakers.at(-1);
      if (publisher?.published && source.span[0] - publisher.span[1] <= PUBLISHER_REACH && publisher.entity.kind !== 'evidence') resolved = publisher.entity;
    }
    // "The army shared a radar map … the map demonstrated …": the map speaks, with the side of the actor that shared it
    const evidence = resolved ?? entityOf(source.entity);
    const shared = evidence?.kind === 'evidence' && evidence.side === 'UNKNOWN' ? sharedBy(text, source, actorsByStart, entityOf) : undefined;
    if (shared && evidence) {
      // the record is named with who made it public ("map shared by the Israel Defense Forces"): two bodies' maps are two records
      const record = publishedRecord(evidence, shared.verb, shared.entity, added);
      out[i] = { ...a, source: { ...source, entity: record.id }, speaker: record.id, side: record.side };
      continue;
    }
    const entity = resolved ?? entityOf(source.entity);
    if (entity && entity.kind !== 'evidence' && (entity.kind !== 'unnamed' || isPersonDescription(entity.name))) speakers.push({
      span: source.span, entity, ...(a.cue ? { cueEnd: a.cue.span[1] } : {}), ...(dayOf(a) ? { day: dayOf(a) } : {}),
      ...(a.stance === 'evidence' ? { published: true } : {}), ...(a.cue?.lemma === 'claim' ? { claimed: true } : {}),
    });
    if (resolved && resolved.id !== source.entity) {
      out[i] = { ...a, source: { ...source, entity: resolved.id }, speaker: resolved.id, side: resolved.side };
    } else if (entity?.kind === 'person' && entity.side === 'UNKNOWN' && ANALYST_BEFORE_NAME.test(source.text)) {
      // "військовий оглядач Олексій Гетьман": a commentator the actor stage found without a side speaks for none
      out[i] = { ...a, source, side: 'THIRD' };
    } else if (a.side === 'UNKNOWN' && (!entity || entity.kind === 'unnamed')) {
      // "a health ministry official" after "Gaza's Health Ministry": a member of the body its words name
      const body = bodyNamedBy(source.text, groups);
      if (body && !hostile.has(body.side)) out[i] = { ...a, source, side: body.side };
    }
  }
  namedAfter(text, out, entityOf);
  return { attributions: out, entities: added.size === 0 ? [...entities] : [...entities, ...added.values()].sort((x, y) => x.id.localeCompare(y.id)) };
}

/** "A leader of the RSF acknowledged …": one member of a named body, described without a name. */
const INDEFINITE_MEMBER = /^(?:a|an|one)\s+(?:senior\s+|top\s+|high-ranking\s+)?(?:leader|commander|official|adviser|advisor|aide|spokesman|spokeswoman|spokesperson|representative|member)\s+(?:of|for|to|in)\s+(?:the\s+)?\p{Lu}/iu;
/** The names the text and the dictionary give a body: its name, and the capitalised names and acronyms in the description ("(RSF)"). */
function namesOf(body: Entity, description: string): string[] {
  const written = description.split(/\s+(?:of|for|to|in)\s+(?:the\s+)?/i).slice(1).join(' ');
  return [body.name, ...(written.match(/\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*/gu) ?? [])].filter((n) => n.length >= 3);
}
/** A source with the apposition that may follow it, up to its cue ("Bashir Tabiq, an adviser to the RSF commander, stated"). */
const introduction = (text: string, a: Attribution): string =>
  text.slice(a.source!.span[0], a.cue && a.cue.span[0] > a.source!.span[0] ? Math.min(a.cue.span[0], a.source!.span[0] + 200) : a.source!.span[1]);
/** How far after such a description its person may be named (about two sentences). */
const NAMED_AFTER_REACH = 400;

/**
 * "A leader of the RSF acknowledged … In a post on X, Bashir Tabiq, an adviser to the RSF commander,
 * stated …": a lead that describes a member of a body and names him in the next sentences. The
 * description is the person who next speaks for that body, named, when he speaks within reach and in
 * a later sentence; otherwise it stays the body's.
 */
function namedAfter(text: string, out: Attribution[], entityOf: (id: string | null) => Entity | undefined): void {
  const spoken = out.map((a, i) => ({ a, i })).filter(({ a }) => a.source && a.speaker).sort((x, y) => x.a.source!.span[0] - y.a.source!.span[0]);
  for (const [k, { a, i }] of spoken.entries()) {
    const body = entityOf(a.speaker!);
    if (!body || body.kind === 'person' || body.kind === 'unnamed' || body.kind === 'evidence' || !INDEFINITE_MEMBER.test(a.source!.text)) continue;
    const end = a.source!.span[1];
    const afterSentence = Math.max(end, a.content.span[1]);
    for (let m = k + 1; m < spoken.length; m++) {
      const later = spoken[m]!.a;
      const start = later.source!.span[0];
      if (start - end > NAMED_AFTER_REACH) break;
      if (start < afterSentence) continue;
      const person = entityOf(later.speaker!);
      // named with the body ("Bashir Tabiq, an adviser to the RSF commander"), not any person of its side
      if (person?.kind === 'person' && person.side === body.side && namesOf(body, a.source!.text).some((n) => introduction(text, later).includes(n))) {
        out[i] = { ...a, source: { ...a.source!, entity: person.id }, speaker: person.id };
        break;
      }
      if (person && person.kind !== 'person' && person.side !== body.side) break;
    }
  }
}

function resolveOne(
  text: string, span: Span, sourceText: string, actors: readonly ActorMention[], actorsByStart: PositionIndex<ActorMention>, entityOf: (id: string | null) => Entity | undefined,
  sides: ReadonlyMap<string, Side>, added: Map<string, Entity>, latestSpeaker: (person: boolean) => Entity | undefined,
  lastPerson: () => Entity | undefined, lastGroup: () => Entity | undefined, speakers: readonly Speaker[], hostile: ReadonlySet<Side>,
  entities: readonly Entity[],
): Entity | undefined {
  // "… which he said": the relative pronoun is the clause's link, the pronoun after it the speaker
  // "GENEVA, (Reuters) – Human Rights Watch": a wire dateline before the source is where the story was filed
  const dateline = WIRE_DATELINE.exec(sourceText);
  if (dateline && dateline[0].length < sourceText.length) {
    span = [span[0] + dateline[0].length, span[1]];
    sourceText = sourceText.slice(dateline[0].length);
  }
  const relative = /^(?:which|that|whom|as)\s+(?=\S)/i.exec(sourceText);
  if (relative) {
    span = [span[0] + relative[0].length, span[1]];
    sourceText = sourceText.slice(relative[0].length);
  }
  const trimmed = sourceText.replace(/[\s,]+$/, '');
  const comma = trimmed.indexOf(',');
  const head = comma >= 0 ? trimmed.slice(0, comma) : trimmed;
  const headEnd = span[0] + head.length;
  const inside = within(actorsByStart, span[0], span[1]);
  const inHead = inside.filter((m) => m.span[1] <= headEnd);
  // An actor named in the head is the source ("Syrskyi, the commander-in-chief, ..."), unless, in
  // Russian or Ukrainian, a person's name follows the body in a title before it ("командующий
  // группировкой войск «Восток» Андрей Иванаев"): that person speaks, for the body's side.
  // "Another spokesman, Jonathan Conricus, told …": a description with no name, then the person's
  // name in apposition: the person speaks (a later actor in the apposition, "…, of the army," does not)
  if (comma >= 0 && inHead.every((m) => entityOf(m.entity)?.kind === 'unnamed')) {
    const appositionFrom = span[0] + comma + 1 + (/^\s*/.exec(trimmed.slice(comma + 1))?.[0].length ?? 0);
    // the name may follow a title ("Lieutenant-Colonel Jonathan Conricus"): only capitalised words between
    const named = inside.find((m) => m.span[0] >= appositionFrom && /^(?:\p{Lu}[\p{L}.'-]*\s+)*$/u.test(text.slice(appositionFrom, m.span[0])));
    const person = named ? entityOf(named.entity) : undefined;
    if (person?.kind === 'person') return person;
  }
  let titleBody: Entity | undefined;
  if (inHead.length > 0) {
    const last = inHead[inHead.length - 1]!;
    const body = entityOf(last.entity);
    // "Ukraine's commander-in-chief added": a title after its country or body is the person who holds it,
    // the latest of that side described by it
    const title = head.trim().toLowerCase().split(/\s+/).at(-1) ?? '';
    if (body && body.kind !== 'person' && PERSON_HEADS.has(title) && last.span[1] <= headEnd - title.length - 1) {
      const holder = describedPerson(text, title, span[0], actors, (m) => ({ span: m.span, entity: entityOf(m.entity) }));
      if (holder && holder.entity.side === body.side) return holder.entity;
    }
    if (!body || body.kind === 'person') return body;
    if (!cyrillicNameAfter(text.slice(last.span[1], headEnd))) {
      // "за словами речника ОСУВ «Хортиця»": a person's title with the body and no name is the person
      // introduced by that title before ("речника … «Хортиця» Віктора Трегубова"), when there is one
      const title = CYRILLIC_PERSON_TITLE.exec(head.trim());
      if (title) {
        const best = titledPerson(text, `${title[1]}\\p{L}*`, span[0], actors, speakers, entityOf);
        if (best) return best;
      }
      return body;
    }
    titleBody = body;
  }
  const lower = head.trim().toLowerCase();
  const ws = lower.split(/\s+/);
  // "Глава государства", "речник": a Russian or Ukrainian description of a person with no name is the
  // person it describes, named before next to the same title ("президент Владимир Путин")
  if (inside.length === 0 && ws.length <= 3 && /\p{Script=Cyrillic}/u.test(lower)) {
    const pattern = HEAD_OF_STATE.test(lower) ? 'президент\\p{L}*' : (() => { const t = CYRILLIC_PERSON_TITLE.exec(`${lower} `); return t ? `${t[1]}\\p{L}*` : null; })();
    const best = pattern ? titledPerson(text, pattern, span[0], actors, speakers, entityOf) : undefined;
    if (best) return best;
  }
  if (PERSON_PRONOUNS.has(lower)) return latestSpeaker(true) ?? lastPerson();
  // "он", "він": the latest person who spoke, once a title before a name made one ("командующий … Андрей Иванаев");
  // else the link the language's coreference made stands
  if (CYRILLIC_PERSON_PRONOUNS.has(lower)) return latestSpeaker(true);
  if (GROUP_PRONOUNS.has(lower)) return subjectOfSentence(text, span[0], actorsByStart, entityOf, hostile) ?? bodyOfSpokesperson(speakers, actorsByStart, span[0], entityOf, hostile, entities) ?? latestSpeaker(false) ?? lastGroup();
  if (ws.length >= 2 && ws.length <= 3 && DETERMINERS.has(ws[0]!)) {
    const last = ws[ws.length - 1]!;
    if (PERSON_HEADS.has(last) && inside.length === 0) {
      // the later of the person mentions and the earlier speakers the description fits (both lists are in text order)
      const mentioned = describedPerson(text, last, span[0], actors, (m) => ({ span: m.span, entity: entityOf(m.entity) }));
      const spoke = describedPerson(text, last, span[0], speakers, (m) => m);
      const best = !mentioned ? spoke : !spoke ? mentioned : mentioned.at >= spoke.at ? mentioned : spoke;
      return best?.entity ?? latestSpeaker(true) ?? lastPerson();
    }
    if (CLAIM_HEADS.has(last) && inside.length === 0) {
      // "The claim asserted …": whoever claimed last, of any kind
      for (let k = speakers.length - 1; k >= 0; k--) if (speakers[k]!.claimed && !hostile.has(speakers[k]!.entity.side)) return speakers[k]!.entity;
      return latestSpeaker(false) ?? latestSpeaker(true);
    }
    if (GROUP_HEADS.has(last) && inside.length === 0) {
      const body = (ISSUED_HEADS.has(last) ? undefined : sideOfSentenceBody(text, span[0], latestSpeaker(false), speakers, actorsByStart, entityOf, sides)) ?? latestSpeaker(false) ?? lastGroup();
      // "Its press office admitted …": a part of the body the possessive points to speaks for it, under its own name
      if (body && (ws[0] === 'its' || ws[0] === 'their') && SUB_BODY_HEADS.has(last) && body.kind !== 'unnamed' && body.kind !== 'evidence') return partOf(body, ws.slice(1).join(' '), added);
      return body;
    }
  }
  if (comma < 0 && inside.length > 0 && !titleBody) return undefined; // the actor stage decided
  // "Civic Chamber member Vladimir Rogov": a title before the name, the name is the capitalised run that ends the head.
  const nameWords = properName(head) ? words(head) : trailingName(words(head));
  // "Russian claims", "Ukrainian officials": a nationality, not a name.
  if (!nameWords || nameWords.some((w) => sides.has(w.toLowerCase().replace(/'s$/, '')))) return titleBody;
  // A person named only here: one entity per name, the surname reaching back to the full name.
  const name = nameWords.join(' ');
  const title = nameWords.length < words(head).length ? words(head).slice(0, words(head).length - nameWords.length).join(' ') : '';
  const surname = name.split(' ').at(-1)!;
  for (const e of added.values()) if (e.name === name || e.name.split(' ').at(-1) === surname) return e;
  const apposition = comma >= 0 ? trimmed.slice(comma + 1) : '';
  const appositionStart = span[0] + comma + 1;
  const org = comma >= 0 ? inside.filter((m) => m.span[0] >= appositionStart).map((m) => entityOf(m.entity)).find((e) => e && e.side !== 'UNKNOWN') : undefined;
  const analyst = ANALYST_TITLE.test(title) ? 'THIRD' : undefined;
  const side = org?.side ?? (titleBody && titleBody.side !== 'UNKNOWN' ? titleBody.side : undefined) ?? analyst ?? (sideOfWords(apposition, sides) !== 'UNKNOWN' ? sideOfWords(apposition, sides) : sideOfWords(title, sides));
  const id = `entity:person:${name.toLowerCase().replace(/\s+/g, '-')}`;
  const existing = entityOf(id);
  if (existing) return existing;
  const entity: Entity = {
    id, name, kind: 'person', side, ...(side !== 'UNKNOWN' ? { sideInferred: true } : {}), role: apposition.trim() || title || null, key: null, mentions: [],
  };
  added.set(id, entity);
  void text;
  return entity;
}

/**
 * "Islamic Jihad on Wednesday described as lies … The ministry claimed … '…,' it said in a statement
 * Wednesday": a group pronoun whose statement the text dates is the group that the text says spoke on
 * that day, when the latest group to speak is not dated so (a lead's statement, quoted later at length).
 */
/** How far before the latest group to speak a same-day statement is looked for (a few paragraphs). */
const SAME_DAY_REACH = 3000;

function sameDayGroup(sourceText: string, day: string | undefined, speakers: readonly Speaker[], hostile: ReadonlySet<Side>): Entity | undefined {
  if (!day || !GROUP_PRONOUNS.has(sourceText.trim().toLowerCase())) return undefined;
  // back from the latest group to speak, within reach of it (a long document's pronouns look back a bounded way)
  let latest: Speaker | undefined;
  for (let k = speakers.length - 1; k >= 0; k--) {
    const s = speakers[k]!;
    if (isPersonLike(s.entity) || hostile.has(s.entity.side)) continue;
    if (!latest) {
      if (s.day === day) return undefined;
      latest = s;
    } else if (latest.span[0] - s.span[1] > SAME_DAY_REACH) return undefined;
    else if (s.day === day) return s.entity;
  }
  return undefined;
}

/** Evidence as the record a body made public: one entity per record and publisher, with the publisher's side. */
function publishedRecord(evidence: Entity, verb: string, publisher: Entity, added: Map<string, Entity>): Entity {
  const id = `${evidence.id}:by:${publisher.id}`;
  const existing = added.get(id);
  if (existing) return existing;
  const entity: Entity = { id, name: `${evidence.name} ${verb} by ${publisher.name}`, kind: 'evidence', side: publisher.side, role: null, key: null, mentions: [] };
  added.set(id, entity);
  return entity;
}

/** Verbs of making evidence public ("shared a radar map", "released footage"). */
const PUBLISHING = /\b(?:shared|released|published|posted|showed|presented|provided|distributed|circulated|issued)\s+(?:(?:a|an|the|its|their|new|what\s+it\s+said\s+was)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
const PUBLISHER_WINDOW = 600;

/**
 * The actor that published the evidence a source names ("The army shared a radar map on X. … The map
 * demonstrated …"): the same noun, the object of a publishing verb whose subject is an actor just before it.
 */
function sharedBy(text: string, source: NonNullable<Attribution['source']>, actorsByStart: PositionIndex<ActorMention>, entityOf: (id: string | null) => Entity | undefined): { entity: Entity; verb: string } | undefined {
  const noun = /([\p{L}-]+)\s*$/u.exec(source.text)?.[1]?.toLowerCase();
  if (!noun) return undefined;
  const from = Math.max(0, source.span[0] - PUBLISHER_WINDOW);
  const window = text.slice(from, source.span[0]).toLowerCase();
  for (let k = window.lastIndexOf(noun); k >= 0; k = k === 0 ? -1 : window.lastIndexOf(noun, k - 1)) {
    const verb = PUBLISHING.exec(window.slice(Math.max(0, k - 60), k));
    if (!verb) continue;
    const verbAt = from + Math.max(0, k - 60) + verb.index;
    const near = within(actorsByStart, Math.max(0, verbAt - PUBLISHER_WINDOW), verbAt);
    for (let m = near.length - 1; m >= 0; m--) {
      const actor = near[m]!;
      if (!/^\s*(?:(?:has|have|had|also|then|later|on\s+\p{L}+)\s+)*$/u.test(text.slice(actor.span[1], verbAt))) break;
      const e = entityOf(actor.entity);
      return e && e.kind !== 'evidence' && e.kind !== 'unnamed' ? { entity: e, verb: /\p{L}+/u.exec(verb[0])![0].toLowerCase() } : undefined;
    }
  }
  return undefined;
}

/**
 * "The Houthis launched strikes in November in what they say is solidarity …": "it" or "they" inside a
 * sentence is the organisation that opens it; a pronoun that opens its sentence points further back.
 */
function subjectOfSentence(
  text: string, at: number, actorsByStart: PositionIndex<ActorMention>, entityOf: (id: string | null) => Entity | undefined, hostile: ReadonlySet<Side>,
): Entity | undefined {
  const start = sentenceStart(text, at);
  if (start >= at || /^\s*$/.test(text.slice(start, at))) return undefined;
  // (the article and up to two modifiers may stand before its name: "The Iran-aligned Houthis")
  const first = within(actorsByStart, start, at).find((m) => /^\s*(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.test(text.slice(start, m.span[0])));
  const e = first ? entityOf(first.entity) : undefined;
  return e && !hostile.has(e.side) && (e.kind === 'group' || e.kind === 'military' || e.kind === 'government') && !isPersonDescription(e.name) ? e : undefined;
}

/** Sides that are no party's own body ("the military" of a sentence about Israeli tanks is a party's). */
const NO_BODY_SIDES: ReadonlySet<Side> = new Set(['UNKNOWN', 'MEDIA', 'THIRD']);

/**
 * "Residents said Israeli tanks had pushed into the town, while the military said …": a definite
 * description of a body in a sentence whose earlier words name one party's forces is that party's body
 * that spoke before, when the latest body to speak is of another side (a third party's command
 * quoted just before).
 */
function sideOfSentenceBody(
  text: string, at: number, latest: Entity | undefined, speakers: readonly Speaker[],
  actorsByStart: PositionIndex<ActorMention>, entityOf: (id: string | null) => Entity | undefined, sideWords: ReadonlyMap<string, Side>,
): Entity | undefined {
  const start = sentenceStart(text, at);
  const sides = new Set<Side>();
  for (const m of within(actorsByStart, start, at)) {
    const side = entityOf(m.entity)?.side;
    if (side && !NO_BODY_SIDES.has(side)) sides.add(side);
  }
  // a demonym before a force names its side too ("Israeli tanks"), though no actor is named
  for (const w of text.slice(start, at).toLowerCase().replace(/[’]/g, "'").split(/[\s',.()]+/)) {
    const side = sideWords.get(w);
    if (side && !NO_BODY_SIDES.has(side)) sides.add(side);
  }
  if (sides.size !== 1) return undefined;
  const [side] = sides;
  if (!latest || latest.side === side) return undefined;
  for (let k = speakers.length - 1; k >= 0; k--) {
    const e = speakers[k]!.entity;
    if (e.side === side && !isPersonLike(e) && (e.kind === 'group' || e.kind === 'military' || e.kind === 'government') && !isPersonDescription(e.name)) return e;
  }
  return undefined;
}

/** How many organisation mentions back a description's body is looked for. */
const GROUP_LOOKBACK = 200;

/**
 * The latest organisation (with a side) whose name holds every word of an unnamed person's description
 * but its head and determiners: "a health ministry official" → "Gaza Health Ministry".
 */
function bodyNamedBy(description: string, groups: readonly Entity[]): Entity | undefined {
  const ws = description.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !DETERMINERS.has(w) && w !== 'another' && w !== 'one');
  if (ws.length < 2 || !PERSON_HEADS.has(ws.at(-1)!)) return undefined;
  const words = ws.slice(0, -1);
  for (let k = groups.length - 1; k >= Math.max(0, groups.length - GROUP_LOOKBACK); k--) {
    const g = groups[k]!;
    if (g.side === 'UNKNOWN' || g.side === 'MEDIA') continue;
    const name = new Set(g.name.toLowerCase().split(/[^\p{L}]+/u));
    if (words.every((w) => name.has(w))) return g;
  }
  return undefined;
}

/** How far back a sentence's start is looked for (a longer run without an end mark is cut there). */
const SENTENCE_REACH = 1000;

/** Where the sentence holding `at` starts: after the last end mark or line break before it, at most SENTENCE_REACH back. */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - SENTENCE_REACH);
  const re = /[.!?]["”’»]?\s+|\n/g;
  const before = text.slice(from, at);
  let start = 0;
  for (let m = re.exec(before); m; m = re.exec(before)) start = m.index + m[0].length;
  return from + start;
}

/**
 * "The Israeli military shared a radar map on X, alleging it proves …": a participle cue after a comma with no
 * source of its own is said by the sentence's subject, an actor that opens the sentence.
 */
function participleSubject(
  text: string, a: Attribution, actorsByStart: PositionIndex<ActorMention>, entityOf: (id: string | null) => Entity | undefined,
): { span: Span; entity: Entity } | undefined {
  if (!a.cue || !/^\p{L}+ing\b/iu.test(a.cue.text) || !/,\s*$/.test(text.slice(Math.max(0, a.cue.span[0] - 3), a.cue.span[0]))) return undefined;
  const start = sentenceStart(text, a.cue.span[0]);
  const first = within(actorsByStart, start, a.cue.span[0]).find((m) => /^\s*(?:the\s+)?$/i.test(text.slice(start, m.span[0])));
  const entity = first ? entityOf(first.entity) : undefined;
  return first && entity && entity.kind !== 'evidence' && entity.kind !== 'unnamed' ? { span: first.span, entity } : undefined;
}

/**
 * "Houthi spokesperson Yahya Saree outlined attacks by their forces, claiming to …": a participle
 * cue whose source the frame found as a possessive or definite noun phrase after the previous
 * statement's cue in the same sentence is that statement's speaker's.
 */
function participleSpeaker(text: string, a: Attribution, previous: Speaker | undefined): Entity | undefined {
  if (!previous?.cueEnd || !a.cue || !a.source || !/ing$/i.test(a.cue.text.trim()) || /\s/.test(a.cue.text.trim())) return undefined;
  if (!PARTICIPLE_SOURCE.test(a.source.text) || a.source.span[0] < previous.cueEnd) return undefined;
  const between = text.slice(previous.cueEnd, a.cue.span[0]);
  if (/[.!?;]\s|\n|\b(?:who|which|that|and|but|while)\b/i.test(between)) return undefined;
  return previous.entity;
}

/**
 * "They said …" after a spokesperson's statement: the body the spokesperson speaks for, named by
 * their role or in the words before their name ("Houthi spokesperson Yahya Saree"), when that body
 * was mentioned before.
 */
function bodyOfSpokesperson(
  speakers: readonly Speaker[], actorsByStart: PositionIndex<ActorMention>, before: number, entityOf: (id: string | null) => Entity | undefined, hostile: ReadonlySet<Side>,
  entities: readonly Entity[],
): Entity | undefined {
  const last = speakers.at(-1)?.entity;
  if (!last || last.kind !== 'person' || last.side === 'UNKNOWN' || hostile.has(last.side) || !SPOKESPERSON_ROLE.test(last.role ?? '')) return undefined;
  const near = within(actorsByStart, Math.max(0, before - BODY_REACH), before);
  for (let k = near.length - 1; k >= 0; k--) {
    const e = entityOf(near[k]!.entity);
    if (e && isBodyOf(e, last.side)) return e;
  }
  // else the body of that side the article names most (a dictionary entry: "the Houthis")
  let best: Entity | undefined;
  for (const e of entities) if (e.key !== null && isBodyOf(e, last.side) && (!best || e.mentions.length > best.mentions.length)) best = e;
  return best;
}

/** How far back (characters) a spokesperson's body is looked for among the mentions. */
const BODY_REACH = 5000;

/** An organisation of a side (a demonym before a title, "Houthi spokesperson", describes a person, not a body). */
const isBodyOf = (e: Entity, side: Side): boolean =>
  e.side === side && (e.kind === 'group' || e.kind === 'military' || e.kind === 'government') && !isPersonDescription(e.name);

/** A Cyrillic personal name (two or three capitalised words) that is all of a title's rest after a body's name ("» Андрей Иванаев"). */
function cyrillicNameAfter(rest: string): boolean {
  const ws = rest.replace(/^[\s"'«»“”„)]+/u, '').trim().split(/\s+/).filter(Boolean);
  return ws.length >= 2 && ws.length <= 3 && ws.every((w) => /^\p{Lu}[\p{Ll}’'-]+$/u.test(w) && /\p{Script=Cyrillic}/u.test(w));
}

/** Characters back from evidence to the speaker who published it. */
const PUBLISHER_REACH = 400;

/** Characters around a person's mention searched for the word of a description ("General Valery Gerasimov" for "the general"). */
const DESCRIPTION_REACH = 60;
/** Person mentions a description looks back over. */
const DESCRIPTION_LOOKBACK = 200;

/**
 * The latest person before `at` whose mention the description's head word
 * stands next to ("the general" → the person introduced as "Chief of the
 * General Staff Valery Gerasimov"), or undefined.
 */
function describedPerson<T>(
  text: string, head: string, at: number, mentions: readonly T[], view: (m: T) => { readonly span: Span; readonly entity: Entity | undefined },
): { entity: Entity; at: number } | undefined {
  const word = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'iu');
  // Bounded look-back: a description reaches back a few hundred mentions at most (linear in document size),
  // from the last mention that starts by `at` (the mentions are in text order): the ones after it end after `at`.
  let after = mentions.length;
  for (let lo = 0; lo < after;) {
    const mid = (lo + after) >> 1;
    if (view(mentions[mid]!).span[0] <= at) lo = mid + 1;
    else after = mid;
  }
  for (let k = after - 1, seen = 0; k >= 0 && seen < DESCRIPTION_LOOKBACK; k--) {
    const m = view(mentions[k]!);
    if (m.span[1] > at) continue;
    seen++;
    const e = m.entity;
    if (!e || e.kind !== 'person') continue;
    const around = text.slice(Math.max(0, m.span[0] - DESCRIPTION_REACH), Math.min(at, m.span[1] + DESCRIPTION_REACH));
    if (word.test(around) || (e.role && word.test(e.role))) return { entity: e, at: m.span[0] };
  }
  return undefined;
}

/** Characters before a person's mention searched for the title that introduced them ("речника ОСУВ «Хортиця» Віктора Трегубова"). */
const TITLE_REACH = 80;

/**
 * The latest person before `at` introduced by a title matching `pattern` (Russian and Ukrainian:
 * "президент Владимир Путин", "речника … Віктора Трегубова"): the title stands in the characters
 * before the mention, with no other person's mention between them.
 */
function titledPerson(
  text: string, pattern: string, at: number, actors: readonly ActorMention[], speakers: readonly Speaker[], entityOf: (id: string | null) => Entity | undefined,
): Entity | undefined {
  const word = new RegExp(`(?<![\\p{L}])${pattern}(?![\\p{L}])`, 'giu');
  // person mentions, and the sources of people named only as sources (their title is inside the source: "речник … Віктор Петренко")
  const people = [
    ...actors.map((m) => ({ span: m.span, entity: entityOf(m.entity), title: text.slice(Math.max(0, m.span[0] - TITLE_REACH), m.span[0]) })),
    ...speakers.map((s) => ({ span: s.span, entity: s.entity, title: text.slice(s.span[0], s.span[1]) })),
  ].filter((p) => p.span[1] <= at && p.entity?.kind === 'person').sort((x, y) => x.span[0] - y.span[0]);
  let previousPersonEnd = -1;
  let best: Entity | undefined;
  for (const p of people) {
    const cut = Math.max(0, previousPersonEnd - (p.span[0] - p.title.length));
    word.lastIndex = 0;
    if (word.test(p.title.slice(Math.min(cut, p.title.length)))) best = p.entity;
    previousPersonEnd = Math.max(previousPersonEnd, p.span[1]);
  }
  return best;
}

/** The side a phrase's country names or demonyms give ("a Ukrainian lawmaker" → UA). */
export function sideOfWords(phrase: string, sides: ReadonlyMap<string, Side>): Side {
  for (const w of phrase.toLowerCase().replace(/[’]/g, "'").split(/[\s',.()]+/)) {
    const s = sides.get(w);
    if (s) return s;
  }
  return 'UNKNOWN';
}
