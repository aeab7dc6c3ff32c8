/**
 * The forms a word or name written with its endings in braces stands for, every combination
 * (the data files of Russian and Ukrainian write inflection this way):
 * "Генштаб{,а,у} ВСУ" → Генштаб ВСУ, Генштаба ВСУ, Генштабу ВСУ. A name without braces is itself.
 *
 * @example expandForms('Песков{,а}') // ['Песков', 'Пескова']
 */
export function expandForms(written: string): string[] {
  const m = /\{([^{}]*)\}/.exec(written);
  if (!m) return [written];
  const head = written.slice(0, m.index);
  const tail = written.slice(m.index + m[0].length);
  return m[1]!.split(',').flatMap((ending) => expandForms(head + ending + tail));
}
