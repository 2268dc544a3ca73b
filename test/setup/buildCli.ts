/**
 * Integration tests run the real `fieldmeter` command (test/support/cli.ts), several at once. Its
 * build (out/cli) is brought up to date here, once, so no test pays for a rebuild and parallel
 * starts never rebuild side by side.
 */
import { ensureCliBuilt } from '../../scripts/build-cli.mjs';

export default async function buildCli(): Promise<void> {
  await ensureCliBuilt();
}
