// Types of scripts/cli-stale.mjs for the TypeScript that imports it (tests).
/** Why out/cli under `root` (a file: URL ending in /) cannot be used as it is, or null when it is current. */
export declare function cliBuildStale(root: URL): string | null;
