// Types of scripts/build-cli.mjs for the TypeScript that imports it (test set-ups, bench).
export declare const cliOutDir: string;
export declare const stampFile: string;
/** Builds out/cli (the bundled `fieldmeter` CLI) and writes its stamp. */
export declare function buildCli(): Promise<{ inputs: number; ms: number }>;
/** Builds out/cli when it is missing or older than a source; resolves to the reason, or null when it was current. */
export declare function ensureCliBuilt(): Promise<string | null>;
