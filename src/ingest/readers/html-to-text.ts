/** Elements that start a new paragraph in the text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
/** Elements whose content is never reading text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'SELECT', 'TEXTAREA']);

interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

/**
 * The reading text of a DOM subtree: one paragraph per block element,
 * separated by blank lines, whitespace inside a paragraph collapsed, `<br>`
 * a line break. Markup never reaches the stored text.
 */
export function domToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (line !== '') paragraphs.push(line);
    current = '';
  };
  // Iterative, and by firstChild/nextSibling: linkedom's childNodes[i] walks the list from its
  // start, so indexing made many siblings quadratic, and recursion made deep nesting overflow
  // the stack (issue 19). `leaving` marks a block element whose end flushes its paragraph.
  const stack: Array<{ node: DomNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push({ node, leaving: true });
    }
    const children: DomNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return dropTrailingBoilerplate(paragraphs).join('\n\n');
}

/**
 * Prompts that follow an article on news sites (newsletter sign-ups, "read
 * more", related links, share buttons, copyright lines). Only trailing ones
 * are dropped: the same words inside an article are kept.
 */
const BOILERPLATE = [
  /^(sign up|subscribe|get (our|the) [\w\s]*newsletter|newsletter\b)/i,
  /^(read more|related( stories| articles| coverage)?|more on this|see also|recommended|most read|you may also like|follow us)\b/i,
  /^(share (this|on)|share$|advertisement$|copyright|©|all rights reserved)/i,
];

export function dropTrailingBoilerplate(paragraphs: readonly string[]): string[] {
  let end = paragraphs.length;
  while (end > 1 && BOILERPLATE.some((re) => re.test(paragraphs[end - 1]!))) end--;
  // A run of short link-like lines after a "Related"/"Read more" heading goes with it.
  const cut = paragraphs.slice(0, end).findIndex((p, i) => i > 0 && /^(read more|related( stories| articles| coverage)?|more on this|see also|most read|you may also like)\s*:?$/i.test(p));
  return paragraphs.slice(0, cut > 0 ? cut : end);
}
