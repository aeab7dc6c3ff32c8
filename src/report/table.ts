/** A plain-text table with left-aligned columns; cells are single-lined and clipped to `maxWidth`. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, maxWidth = 60): string {
  const clip = (cell: string): string => {
    const flat = cell.replace(/\s+/g, ' ');
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}…` : flat;
  };
  const cells = [header, ...rows].map((row) => row.map(clip));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]): string => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}
