/**
 * The one way the UI builds DOM: elements with attributes from a fixed list,
 * children as nodes or text. Strings always become text nodes, so document
 * text, titles and outlet names can never become markup (no innerHTML here).
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Attribute names the UI sets; event handler attributes (on*) and `style` are refused. */
const ALLOWED = /^(class|id|href|title|role|tabindex|type|name|value|placeholder|for|min|max|maxlength|hidden|required|autocomplete|open|lang|dir|datetime|colspan|rel|target|start|aria-[a-z]+|data-[a-z-]+|viewBox|d|cx|cy|r|x|y|x1|y1|x2|y2|width|height|transform|patternUnits|text-anchor|focusable|xmlns)$/;

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (!ALLOWED.test(name)) throw new Error(`dom: attribute '${name}' is not allowed`);
    if (name === 'href' && !isSafeHref(String(value))) throw new Error(`dom: unsafe href ${String(value)}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Our own hash routes, and http(s) links to a document's URL; never javascript: or data:. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('#')) return true;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'undated';
}
