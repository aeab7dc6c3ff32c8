import type { Span, TimeField, TimexMod, TimexType } from '../../model/index.js';
import type { HolidayKey } from './holidays.js';
import type { TimeUnit } from './lexicon.js';

/**
 * What an extractor read in the text, before any reference time is applied
 * (chrono-node's "known values"). The normaliser turns a spec, a reference
 * date and the tense of the sentence into a TIMEX3 value.
 */
export type TimeSpec =
  /** A calendar date stated in full or in part: "6 December 2024", "Oct. 23", "the 1990s", "fiscal 1989", "the third quarter". */
  | {
      readonly kind: 'calendar';
      readonly year?: number;
      /** "last March", "next summer", "this September": the year is relative to the reference. */
      readonly yearShift?: 'last' | 'this' | 'next';
      /** "June last year", "this year's third quarter": the reference year plus this many years. */
      readonly yearOffset?: number;
      readonly month?: number;
      readonly day?: number;
      readonly quarter?: number;
      readonly half?: number;
      readonly season?: string;
      /** 199 for "the 1990s". */
      readonly decade?: number;
      /** 19 for "the 20th century" (TIMEX3 counts centuries from 0: 1900–1999 is `19`). */
      readonly century?: number;
      readonly partOfDay?: string;
      readonly hour?: number;
      readonly minute?: number;
      /** "Monday, Oct. 26": the stated weekday (ISO, Monday = 1) picks the year of a year-less date. */
      readonly weekday?: number;
      /** "the week of March 6": the ISO week of the date. */
      readonly weekOf?: boolean;
      /** "the 1988 quarter": the quarter of the previous expression's value, in this year. */
      readonly quarterOfPrevious?: boolean;
      /** "Thanksgiving", "Easter": a named day of the holiday table; its month and day depend on the year. */
      readonly holiday?: HolidayKey;
    }
  /** A shift of whole calendar units from the reference: "yesterday", "last week", "this year", "21 months ago", "a year earlier". */
  | {
      readonly kind: 'relative';
      readonly unit: TimeUnit | 'half' | 'season';
      readonly offset: number;
      readonly partOfDay?: string;
      /** "a year earlier" in a sentence about quarters means the same quarter a year before (TimeBank practice). */
      readonly inheritGranularity?: boolean;
      /** "the following year", "the next day", "that day": relative to the time mentioned before, not to publication. */
      readonly anaphoric?: boolean;
      /**
       * Quarterly results: "the quarter", "the year-ago quarter", "last year's quarter" name the quarter under
       * discussion (the last quarter the text gave), shifted by `offset` years for unit year; with none given,
       * the quarter before the reference's.
       */
      readonly quarterInFocus?: boolean;
    }
  /** A weekday: "on Wednesday", "last Friday", "next Monday", "Thursday morning". */
  | {
      readonly kind: 'weekday';
      readonly weekday: number;
      readonly shift: 'bare' | 'last' | 'this' | 'next';
      readonly partOfDay?: string;
      readonly hour?: number;
      readonly minute?: number;
    }
  /** A clock time without a date: "3:30 p.m.", "noon"; the date is the reference day. */
  | { readonly kind: 'clock'; readonly hour: number; readonly minute: number | null; readonly dayOffset: number }
  /** An amount of time: "three years", "the past day", "24 hours"; amount null = unknown ("several"). */
  | { readonly kind: 'duration'; readonly amount: number | null; readonly unit: TimeUnit }
  /** A value that needs no reference: PRESENT_REF, PAST_REF, FUTURE_REF, SET values, fixed durations. */
  | { readonly kind: 'literal'; readonly type: TimexType; readonly value: string; readonly quant?: string };

/** A proposal of an extractor: a span, the rule that fired and what it read. */
export interface TimeCandidate {
  readonly span: Span;
  readonly rule: string;
  readonly spec: TimeSpec;
  readonly mod?: TimexMod;
  /** The type when it is not the spec's natural one ("the weekend" as a DURATION...). */
  readonly type?: TimexType;
  readonly stated: readonly TimeField[];
  /**
   * "two days later", "a few days before", "a day earlier": an offset from a time the text narrates, not
   * from publication. In news TimeBank tags it as the amount of time (P2D, extent without "later"/"before");
   * in a narrative it is the date that many units from the last date told (TIMEX2 "Six days later" = a date).
   * The time stage picks one; `spec` is the narrative reading, this the news one.
   */
  readonly sequence?: { readonly duration: TimeSpec; readonly end: number };
  /** The other end of a range read in one expression ("3-4 November"). */
  readonly rangeEnd?: TimeSpec;
}
