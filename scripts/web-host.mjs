#!/usr/bin/env node
// The web host as plain JavaScript (out/cli/web.mjs; issue 21: it starts in well under 2 s, where
// compiling electron/host/web/main.ts through tsx at every start took several). Same arguments:
//   node scripts/web-host.mjs [--db PATH] [--demo] [--port N] [--renderer DIR]
import { runBuilt } from './run-built.mjs';

await runBuilt('web', 'electron/host/web/main.ts');
