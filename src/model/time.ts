import type { ItemBase } from './item.js';

/** TimeML TIMEX3 types (ISO-TimeML, TimeML 1.2.1 guidelines §2.2). */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** TIMEX3 `mod` values (TimeML 1.2.1). */
export type TimexMod =
  | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER'
  | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE'
  | 'START' | 'MID' | 'END' | 'APPROX';

/** Which parts of a value the text stated and which were filled in (chrono-node's known vs implied). */
export type TimeField = 'year' | 'month' | 'day' | 'weekday' | 'week' | 'partOfDay' | 'hour' | 'minute' | 'quantity' | 'unit';

/** One end of a range ("between late 2024 and June 2025", "since late October"). */
export interface TimeBound {
  readonly value: string;
  readonly mod?: TimexMod;
}

export interface TimeItem extends ItemBase {
  readonly kind: 'time';
  readonly type: TimexType;
  /**
   * The TIMEX3 value: `2025-11-05`, `2025-W44`, `2025-10`, `2024`, `2025-11-06TMO`,
   * `P1D`, `PAST_REF`... `null` when it could not be resolved (no publication date).
   */
  readonly value: string | null;
  readonly mod?: TimexMod;
  /** For ranges and open ranges: both ends; `end: null` means "until publication" (open). */
  readonly range?: { readonly start: TimeBound; readonly end: TimeBound | null };
  /** What the value was resolved against: nothing (absolute), the publication date, or another time item. */
  readonly anchor: 'none' | 'publication' | { readonly time: string };
  readonly stated: readonly TimeField[];
  readonly inferred: readonly TimeField[];
  /** A date in a photo caption or credit: describes the picture, not the news. */
  readonly caption: boolean;
  /**
   * The word that makes the expression a range or bound and is not part of the
   * TIMEX3 extent (TimeML keeps signals out): "since" in "since late October",
   * "between ... and" in "between late 2024 and June 2025".
   */
  readonly signal?: { readonly text: string; readonly span: readonly [number, number] };
}
