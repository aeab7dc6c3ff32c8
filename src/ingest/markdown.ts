/**
 * Markdown to the plain text that is stored and analysed. Markup is dropped
 * and the reading text kept: headings, emphasis, links (their text), images
 * (their alt text), code fences, block quotes and list markers. Line
 * structure is kept so paragraphs and captions are recognised as in text files.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const raw of lines) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) continue; // thematic break
    if (/^\s*(=+|-+)\s*$/.test(raw) && out.length > 0 && out[out.length - 1]!.trim() !== '') continue; // setext underline
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    line = line
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
      .replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, '$1')
      .replace(/`([^`]+)`/g, '$1');
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    out.push(line);
  }
  return out.join('\n');
}
