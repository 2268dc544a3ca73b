export function nativeBindingPath(version?: string | null, platform?: string, arch?: string): string;
/** Builds (or finds) better_sqlite3.node for the installed Electron; throws with a one-line reason. */
export function buildNativeBinding(options?: { force?: boolean }): string;
