import type { Tense } from './normalise.js';
import type { TimeLexicon } from './time-lexicon.js';
import type { TimeSpec } from './time-spec.js';

/**
 * The tense of the sentence around an expression in a language of
 * data/time (Russian, Ukrainian), for the normaliser: future where the
 * sentence has a future auxiliary or a verb of intent of the lexicon
 * ("будет", "планує"); past where it has a past-tense verb, which both
 * languages form with -л- (ru "заявил", "заявила", "заявили"; uk "заявила",
 * "заявили", and the masculine in -в: "заявив"); present otherwise. A
 * calendar date after a preposition of limit ("до 1 марта") looks forward
 * whatever the tense, as "until March 1" does in English.
 *
 * @example lexiconTenseAt(ru, 'Встреча будет в среду', 11, spec) // 'future'
 */
export function lexiconTenseAt(lex: TimeLexicon, sentence: string, offset: number, spec: TimeSpec): Tense {
  if (spec.kind === 'calendar') {
    const before = /([\p{L}]+)[\s\u00a0]+$/u.exec(sentence.slice(Math.max(0, offset - 20), offset));
    if (before && lex.deadlinePrepositions.get(before[1]!) !== undefined) return 'present';
  }
  const words = sentence.toLowerCase().match(/[\p{L}'’ʼ]+/gu) ?? [];
  let past = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (lex.futureWords.get(w) !== undefined || (i + 1 < words.length && lex.futureWords.get(`${w} ${words[i + 1]}`) !== undefined)) return 'future';
    if (!past && w.length >= 4 && (PAST_VERB.test(w) || (lex.language === 'uk' && PAST_MASCULINE_UK.test(w)))) past = true;
  }
  return past ? 'past' : 'present';
}

/** Past-tense endings shared by Russian and Ukrainian: -ла, -ло, -ли and reflexive -лся, -лась, -лись (after a vowel). */
const PAST_VERB = /[аеиіоуыя](?:л|ла|ло|ли|лся|лась|лася|лось|лися|лись)$/u;
/** The Ukrainian masculine past in -в (заявив, повідомив, був), not the genitive plural in -ів/-ов. */
const PAST_MASCULINE_UK = /(?:[аиуя]в|[аиуя]вся)$/u;
