/**
 * The desktop app's own switches. Chromium and the OS add switches of their own (and
 * `electron .` adds the app path), so unknown arguments are ignored rather than refused.
 */
export interface CliArgs {
  readonly db: string | undefined;
  readonly demo: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let db: string | undefined;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--demo') demo = true;
    else if (arg === '--db') {
      const value = argv[i + 1];
      // `--db --demo` is a missing value, not a database called "--demo".
      if (value !== undefined && !value.startsWith('--')) {
        db = value;
        i++;
      }
    } else if (arg?.startsWith('--db=')) db = arg.slice('--db='.length) || undefined;
  }
  return { db, demo };
}
