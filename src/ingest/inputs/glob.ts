/** Whether a command-line argument is a glob pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/**
 * A glob as a regular expression over `/`-separated relative paths: `*` and
 * `?` stay within one path segment, `**` crosses segments, `[...]` is a class.
 * As in a shell, a wildcard at the start of a segment does not match a
 * leading `.` (hidden files and folders are matched only when named).
 * (Node 20 has no fs.glob; shells expand most globs before we see them.)
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const segmentStart = i === 0 || glob[i - 1] === '/';
    const noDot = segmentStart ? '(?!\\.)' : '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += segmentStart ? '(?:(?!\\.)[^/]+/)*' : '(?:.*/)?';
        } else re += segmentStart ? '(?:(?!\\.)[^/]*)(?:/(?!\\.)[^/]*)*' : '.*';
      } else re += `${noDot}[^/]*`;
    } else if (c === '?') re += `${noDot}[^/]`;
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The directory to walk for a glob: its leading segments without wildcards. */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const base: string[] = [];
  for (const s of segments) {
    if (isGlob(s)) break;
    base.push(s);
  }
  if (base.length === segments.length) base.pop();
  return base.join('/') || (glob.startsWith('/') ? '/' : '.');
}
