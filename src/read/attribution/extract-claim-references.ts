import type { ActorMention, AnalyzedDocument, Attribution, Entity, Span } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import { tokenAt } from '../claims/find-forces.js';

/** Nouns a claim is referred back to by ("made the claim", "made the allegation"). */
const CLAIM_NOUNS = new Set(['claim', 'claims', 'allegation', 'allegations', 'assertion', 'accusation', 'accusations', 'charge']);
const MAKE_VERBS = new Set(['made', 'make', 'makes', 'making']);
const REFERRING = new Set(['the', 'that', 'this', 'such', 'a', 'those', 'these']);
/** Words that open the clause naming the claim's maker inside a denial's content. */
const CLAUSE_OPENERS = new Set([',', ';', 'after', 'before', 'since', 'when', 'as']);
/** Words of a lapse of time before such a clause (", a day after …"), cut with it. */
const LAPSE_WORDS = /^(?:,|a|an|one|two|three|few|several|\d+|day|days|hours?|weeks?|months?|just|only|shortly|soon|minutes?)$/;

/**
 * Claims referred back to inside a denial (docs/attribution.md): "Zelensky denied any
 * encirclement, a day after Trump made the claim" — the denial's content is what Trump
 * claimed. For each denial, a "<actor> made the claim" in its sentence, outside its content,
 * becomes that actor's attribution of the same content (stance assert), nested in the denial:
 * the claim is reported by the one who denies it. The actor is the dictionary mention ending
 * right before the verb.
 */
export function extractClaimReferences(doc: AnalyzedDocument, attributions: readonly Attribution[], entities: readonly Entity[]): Attribution[] {
  const { tokens, text } = doc;
  const out: Attribution[] = [];
  const bySide = new Map(entities.map((e) => [e.id, e.side]));
  const actorsByEnd = new Map<number, ActorMention>();
  for (const a of doc.actors) actorsByEnd.set(a.span[1], a);
  for (const denial of attributions) {
    if (denial.stance !== 'deny' || denial.voice !== 'source' || !denial.cue) continue;
    const sentence = tokens[tokenAt(tokens, denial.cue.span[0])]?.sentence;
    const range = sentence === undefined ? undefined : doc.sentences[sentence];
    if (!range) continue;
    for (let k = range.tokens[0] + 1; k < range.tokens[1] - 2; k++) {
      if (!MAKE_VERBS.has(tokens[k]!.norm) || !REFERRING.has(tokens[k + 1]!.norm) || !CLAIM_NOUNS.has(tokens[k + 2]!.norm)) continue;
      const verbStart = tokens[k]!.span[0];
      // the actor right before the verb, allowing "had"
      const before = tokens[k - 1]?.norm === 'had' || tokens[k - 1]?.norm === 'has' ? k - 2 : k - 1;
      const actor = before >= 0 ? actorsByEnd.get(tokens[before]!.span[1]) : undefined;
      if (!actor || actor.entity === denial.speaker) continue;
      const cue: Span = [verbStart, tokens[k + 2]!.span[1]];
      // inside the denial's content ("denied any encirclement, a day after Trump made the claim"), the claim is
      // what comes before the clause that names its maker
      let end = denial.content.span[1];
      if (actor.span[0] > denial.content.span[0] && actor.span[0] < end) {
        let b = tokenAt(tokens, actor.span[0]) - 1;
        while (b > 0 && tokens[b]!.span[0] > denial.content.span[0] && !CLAUSE_OPENERS.has(tokens[b]!.norm)) b--;
        while (b > 0 && tokens[b - 1]!.span[0] > denial.content.span[0] && LAPSE_WORDS.test(tokens[b - 1]!.norm)) b--;
        end = tokens[b]!.span[0];
        while (end > denial.content.span[0] && /\s|,/.test(text.charAt(end - 1))) end--;
      }
      if (end <= denial.content.span[0]) continue;
      const content = { span: [denial.content.span[0], end] as Span, text: text.slice(denial.content.span[0], end) };
      const span: Span = [Math.min(actor.span[0], content.span[0]), Math.max(cue[1], content.span[1])];
      out.push({
        id: itemId('attribution', cue), kind: 'attribution', span, text: text.slice(span[0], span[1]),
        origin: { stage: 'attribution', rule: 'claim-reference' }, voice: 'source',
        source: { span: actor.span, text: actor.text, entity: actor.entity }, speaker: actor.entity,
        cue: { span: cue, text: text.slice(cue[0], cue[1]), lemma: 'make claim' },
        content, stance: 'assert', direct: denial.direct, time: null,
        side: bySide.get(actor.entity) ?? 'UNKNOWN', nestedIn: denial.id,
      });
    }
  }
  return out;
}
