/** Private-use markers around matched words: the backend's snippet function puts them in, `highlightsOf` takes them out as offsets. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** A marked snippet as plain text and the [start, end) offsets of its matched words. */
export function highlightsOf(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  const highlights: Array<[number, number]> = [];
  let snippet = '';
  let start = -1;
  for (const ch of marked) {
    if (ch === MARK_START) start = snippet.length;
    else if (ch === MARK_END) {
      if (start >= 0) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
