import { SearchQueryError } from '../store.js';

/**
 * The search syntax users type (FTS5's: words, "phrases", prefix*, AND, OR,
 * NOT, parentheses; adjacent terms are ANDed) turned into a PostgreSQL
 * tsquery expression. Every word or phrase becomes a bound parameter passed
 * through the `counterclaim` text search configuration, so user text never
 * becomes SQL. Precedence as in FTS5: NOT binds tightest, then AND, then OR.
 * What FTS5 refuses (an unclosed quote or parenthesis, an operator with
 * nothing on one side, punctuation outside quotes) is a SearchQueryError.
 *
 * @example
 * toTsquery('encircl* OR "Pokrovsk direction"', 1)
 * // { sql: "(to_tsquery('counterclaim', $1) || phraseto_tsquery('counterclaim', $2))", params: ['encircl:*', 'Pokrovsk direction'] }
 */
export function toTsquery(text: string, firstParam: number): { sql: string; params: string[] } {
  const tokens = tokenize(text);
  const params: string[] = [];
  let pos = 0;
  const fail = (why: string): never => {
    throw new SearchQueryError(`cannot understand the search ${JSON.stringify(text)}: ${why}; put words in double quotes to search for them as they are`);
  };
  const param = (value: string): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const peek = (): Token | undefined => tokens[pos];
  const isOperand = (t: Token | undefined): boolean => t !== undefined && (t.type === 'word' || t.type === 'phrase' || t.type === '(');

  const parseOr = (): string => {
    let left = parseAnd();
    while (peek()?.type === 'OR') {
      pos++;
      if (!isOperand(peek())) fail('OR needs a term on both sides');
      left = `(${left} || ${parseAnd()})`;
    }
    return left;
  };
  const parseAnd = (): string => {
    let left = parseNot();
    for (;;) {
      const next = peek();
      if (next?.type === 'AND') {
        pos++;
        if (!isOperand(peek())) fail('AND needs a term on both sides');
      } else if (!isOperand(next)) break;
      left = `(${left} && ${parseNot()})`;
    }
    return left;
  };
  const parseNot = (): string => {
    let left = parsePrimary();
    while (peek()?.type === 'NOT') {
      pos++;
      if (!isOperand(peek())) fail('NOT needs a term on both sides');
      left = `(${left} && !!${parsePrimary()})`;
    }
    return left;
  };
  const parsePrimary = (): string => {
    const token = tokens[pos++];
    if (token === undefined) return fail('the search ends too early');
    if (token.type === '(') {
      if (peek()?.type === ')') fail('empty parentheses');
      const inner = parseOr();
      if (tokens[pos++]?.type !== ')') fail('a parenthesis is not closed');
      return inner;
    }
    if (token.type === 'phrase') return `phraseto_tsquery('counterclaim', ${param(token.value)})`;
    if (token.type === 'word') {
      // A prefix search needs to_tsquery's `:*`; the word is letters and digits only, so it cannot carry tsquery syntax.
      return token.prefix ? `to_tsquery('counterclaim', ${param(`${token.value}:*`)})` : `phraseto_tsquery('counterclaim', ${param(token.value)})`;
    }
    return fail(`unexpected ${token.type}`);
  };

  if (tokens.length === 0) fail('the search is empty');
  const sql = parseOr();
  if (pos < tokens.length) fail(`unexpected ${tokens[pos]!.type}`);
  return { sql, params };
}

type Token =
  | { readonly type: 'word'; readonly value: string; readonly prefix: boolean }
  | { readonly type: 'phrase'; readonly value: string }
  | { readonly type: 'AND' | 'OR' | 'NOT' | '(' | ')' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const fail = (why: string): never => {
    throw new SearchQueryError(`cannot understand the search ${JSON.stringify(text)}: ${why}; put words in double quotes to search for them as they are`);
  };
  const wordChar = /[\p{L}\p{N}\p{M}_]/u;
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (/\s/u.test(ch)) {
      i++;
    } else if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= chars.length) fail('a quotation is not closed');
        if (chars[i] === '"') {
          // FTS5: "" inside a phrase is a literal quote.
          if (chars[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += chars[i++];
      }
      tokens.push({ type: 'phrase', value });
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch });
      i++;
    } else if (wordChar.test(ch)) {
      let value = '';
      while (i < chars.length && wordChar.test(chars[i]!)) value += chars[i++];
      const prefix = chars[i] === '*';
      if (prefix) i++;
      if (!prefix && (value === 'AND' || value === 'OR' || value === 'NOT')) tokens.push({ type: value });
      else tokens.push({ type: 'word', value, prefix });
    } else {
      fail(`unexpected ${JSON.stringify(ch)}`);
    }
  }
  return tokens;
}
