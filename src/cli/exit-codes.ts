// What `ortsband` exits with; the README lists them.
export const EXIT = {
  ok: 0,
  /** Something unexpected: a bug, a database that cannot be reached. */
  failed: 1,
  /**
   * The command line itself is wrong (an unknown command or option), or it
   * cannot run now: its PGlite folder is open in another process.
   */
  usage: 2,
  /** The input (a file to import, a backup to restore) has problems; nothing was written. */
  invalidInput: 3,
} as const;

/** A failure the user can fix; main prints its message without a stack and exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.failed,
  ) {
    super(message);
  }
}
