/** Where a command writes: injectable so commands can be tested in-process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether output may use terminal escapes (bold, redrawn progress): a terminal, and colours not turned off. */
  readonly isTty: boolean;
}

/**
 * Plain output unless standard output is a terminal that wants colour:
 * `NO_COLOR` set to anything non-empty (no-color.org) or `TERM=dumb` turn
 * escapes off, as does output to a pipe or a file.
 */
export function wantsEscapes(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: wantsEscapes(process.stdout),
};
