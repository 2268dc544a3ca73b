#!/usr/bin/env node
// The `fieldmeter` command (package.json "bin"). Runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

process.env.FIELDMETER_LOG ??= 'silent';
register();
await import(new URL('../electron/cli/main.ts', import.meta.url).href);
