import type { ActorMention, Entity, Token } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';

const DEFINITE_HEADS = ['general staff', 'ministry', 'kremlin', 'army', 'military', 'brigade', 'regiment', 'battalion', 'group', 'agency', 'broadcaster', 'government', 'council', 'command', 'service', 'directorate', 'office', 'forces', 'militia', 'movement', 'rebels', 'militants', 'paramilitaries'];
const HEAD_PARTS = DEFINITE_HEADS.map((h) => [h, h.split(' ')] as const);
const HEAD_FIRST_WORDS = new Set(HEAD_PARTS.map(([, parts]) => parts[0]!));
/** Heads that point back to the latest armed group named, whatever its name ("the Houthis ... the group", "the RSF ... the paramilitaries"). */
const GROUP_HEADS = ['group', 'militia', 'movement', 'rebels', 'militants', 'paramilitaries'];

/**
 * Turns chosen mentions into entities and adds the later mentions that point
 * back to them: a surname alone ("Syrskyi" after "Oleksandr Syrskyi") and a
 * definite description ("the ministry" after "Russia's Defence Ministry"),
 * both resolved to the latest entity before them that fits.
 */
export function linkActorEntities(
  text: string, tokens: readonly Token[], chosen: readonly ActorCandidate[], lexicon: ActorLexicon, stage: string,
): { actors: ActorMention[]; entities: Entity[] } {
  const entities = new Map<string, { entity: Omit<Entity, 'mentions'>; mentions: string[] }>();
  const taken = new Uint8Array(tokens.length);
  for (const c of chosen) for (let k = c.from; k < c.to; k++) taken[k] = 1;
  const mentions: Array<{ c: ActorCandidate; entity: string; resolution: ActorMention['resolution'] }> = [];
  const entityIdOf = (c: ActorCandidate): string => c.key ? `entity:${c.key}` : `entity:${c.kind}:${c.name.toLowerCase().replace(/\s+/g, '-')}`;
  for (const c of chosen) {
    const id = entityIdOf(c);
    const known = entities.get(id);
    if (!known) entities.set(id, { entity: { id, name: c.name, kind: c.kind, side: c.side, ...(c.sideInferred ? { sideInferred: true } : {}), role: c.role, key: c.key }, mentions: [] });
    else {
      if (c.role && !known.entity.role) known.entity = { ...known.entity, role: c.role };
      // one entity, one side: a later mention that states it ("X, a Ukrainian lawmaker") gives it to the whole entity
      if (known.entity.side === 'UNKNOWN' && c.side !== 'UNKNOWN') known.entity = { ...known.entity, side: c.side, ...(c.sideInferred ? { sideInferred: true } : {}) };
    }
    mentions.push({ c, entity: id, resolution: c.resolution });
  }
  // Coreference, in text order: a forward index of the entities mentioned so
  // far (surname → latest person, latest non-person entity per definite head),
  // advanced as the token scan moves on, so no token rescans earlier mentions.
  const byStart = [...mentions].sort((a, b) => a.c.from - b.c.from);
  const personBySurname = new Map<string, string>();
  const latestByHead = new Map<string, string>();
  /** Groups named by a common noun, by their head word ("two U.S. officials" → officials), for "the officials", "one of the officials". */
  const latestUnnamedByHead = new Map<string, string>();
  let indexed = 0;
  const indexUpTo = (at: number): void => {
    for (; indexed < byStart.length && byStart[indexed]!.c.from < at; indexed++) {
      const e = entities.get(byStart[indexed]!.entity)!.entity;
      const words = e.name.toLowerCase().split(/\s+/);
      if (e.kind === 'person') { if (words.length > 1) personBySurname.set(words[words.length - 1]!, e.id); }
      else {
        if (!e.key) latestUnnamedByHead.set(words[words.length - 1]!, e.id);
        if (e.kind === 'unnamed') continue;
        for (const head of DEFINITE_HEADS) if (e.name.toLowerCase().includes(head)) latestByHead.set(head, e.id);
        if (e.kind === 'group') for (const head of GROUP_HEADS) latestByHead.set(head, e.id);
      }
    }
  };
  const extra: typeof mentions = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i]!;
    indexUpTo(i);
    if (isCapitalized(t) && t.norm.length > 2) {
      const id = personBySurname.get(t.norm) ?? null;
      if (id) {
        const e = entities.get(id)!.entity;
        extra.push({ c: { from: i, to: i + 1, kind: e.kind, side: e.side, name: e.name, key: e.key ?? null, role: null, resolution: 'coreference', rule: 'surname' }, entity: id, resolution: 'coreference' });
        continue;
      }
    }
    if (t.norm !== 'the') continue;
    // "the officials" after "two U.S. officials": the same group; "the source" after "an army source": the same
    // unnamed source (a singular only back to an unnamed one: "the official" after "Israeli officials" may be anyone)
    const noun = tokens[i + 1]?.norm ?? '';
    const back = !taken[i + 1] && lexicon.unnamedHeads.has(noun) ? latestUnnamedByHead.get(noun) : undefined;
    const group = back && (noun.endsWith('s') || entities.get(back)!.entity.kind === 'unnamed') ? back : undefined;
    if (group) {
      const e = entities.get(group)!.entity;
      extra.push({ c: { from: i, to: i + 2, kind: e.kind, side: e.side, name: e.name, key: null, role: null, resolution: 'coreference', rule: 'definite-description' }, entity: group, resolution: 'coreference' });
      i += 1;
      continue;
    }
    // up to two lower-case modifiers before the head ("the militant group", "the Iran-backed rebels")
    let at = i + 1;
    while (at < i + 3 && tokens[at] && !taken[at] && tokens[at]!.kind === 'word' && !isCapitalized(tokens[at])
      && !HEAD_FIRST_WORDS.has(tokens[at]!.norm) && !lexicon.phraseBreaks.has(tokens[at]!.norm) && tokens[at]!.sentence === t.sentence) at++;
    if (!HEAD_FIRST_WORDS.has(tokens[at]?.norm ?? '')) continue;
    for (const [head, parts] of HEAD_PARTS) {
      if (!parts.every((p, k) => tokens[at + k]?.norm === p && !taken[at + k])) continue;
      const end = at + parts.length;
      if (tokens[end] && (isCapitalized(tokens[end]) || tokens[end]!.norm === 'of')) break; // "the Ministry of ...": a new name
      const id = latestByHead.get(head) ?? null;
      // modifiers must fit the antecedent ("the defence ministry" after "Russia's Defence Ministry", not "the health
      // ministry"), except before a group's head, where they only describe it ("the militant group")
      const fold = (w: string): string => w.replace(/defence/g, 'defense');
      const fits = (name: string): boolean => GROUP_HEADS.includes(head)
        || tokens.slice(i + 1, at).every((m) => fold(name.toLowerCase()).includes(fold(m.norm)));
      if (id && fits(entities.get(id)!.entity.name)) {
        const e = entities.get(id)!.entity;
        extra.push({ c: { from: i, to: end, kind: e.kind, side: e.side, name: e.name, key: e.key ?? null, role: null, resolution: 'coreference', rule: 'definite-description' }, entity: id, resolution: 'coreference' });
        i = end - 1;
      }
      break;
    }
  }
  unifyPersonSides(entities);
  const actors: ActorMention[] = [...mentions, ...extra].map(({ c, entity, resolution }) => {
    const span = [tokens[c.from]!.span[0], tokens[c.to - 1]!.span[1]] as const;
    const id = itemId('actor', span);
    entities.get(entity)!.mentions.push(id);
    return { id, kind: 'actor', span, text: tokensText(text, tokens, c.from, c.to), origin: { stage, rule: c.rule }, entity, resolution };
  });
  actors.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const list: Entity[] = [...entities.values()].map(({ entity, mentions: m }) => ({
    ...entity, mentions: m.sort((a, b) => Number(a.split(':')[1]!.split('-')[0]) - Number(b.split(':')[1]!.split('-')[0])),
  }));
  list.sort((a, b) => a.id.localeCompare(b.id));
  return { actors, entities: list };
}

/**
 * One person, one side across the document: a person entity with no side
 * takes the side of the other person entity of the same surname that has one
 * ("Ruslan Leviev, founder of ... Conflict Intelligence Team" THIRD, then
 * "analyst Ruslan Leviev" found by another rule). Two sided entities of one
 * surname that disagree are left alone: they may be two people.
 */
function unifyPersonSides(entities: Map<string, { entity: Omit<Entity, 'mentions'> }>): void {
  const sides = new Map<string, Set<string>>();
  const surname = (name: string): string => name.toLowerCase().split(/\s+/).at(-1)!;
  for (const { entity: e } of entities.values()) {
    if (e.kind !== 'person' || e.side === 'UNKNOWN') continue;
    const set = sides.get(surname(e.name)) ?? new Set<string>();
    set.add(e.side);
    sides.set(surname(e.name), set);
  }
  for (const slot of entities.values()) {
    const e = slot.entity;
    if (e.kind !== 'person' || e.side !== 'UNKNOWN') continue;
    const found = sides.get(surname(e.name));
    if (found?.size === 1) slot.entity = { ...e, side: [...found][0]! };
  }
}
