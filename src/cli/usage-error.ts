/** A mistake in how the command was called: exit code 2 and the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
/** Some inputs failed; the others were processed. */
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;
