#!/usr/bin/env node
// The `fieldmeter` command (package.json "bin"). Runs the built CLI in out/cli (plain JavaScript,
// rebuilt first when a source is newer: scripts/run-built.mjs).
import { runBuilt } from '../scripts/run-built.mjs';

process.env.FIELDMETER_LOG ??= 'silent';
await runBuilt('fieldmeter', 'electron/cli/main.ts');
