#!/usr/bin/env node
// A bounded CPU burner for `npm run test:stress` (scripts/test-stress.mjs): `node
// scripts/cpu-burner.mjs THREADS SECONDS` keeps THREADS worker threads busy for at most SECONDS.
// Started with an IPC channel, it also ends as soon as its parent goes away, however that happens.
import { Worker } from 'node:worker_threads';

const threads = Math.max(1, Math.min(64, Number(process.argv[2]) || 1));
const seconds = Math.max(1, Math.min(3600, Number(process.argv[3]) || 60));
const spin = `const end = Date.now() + ${seconds * 1000}; let x = 0; while (Date.now() < end) for (let i = 0; i < 1e6; i++) x += i;`;
for (let i = 0; i < threads; i++) new Worker(spin, { eval: true });
if (process.channel) process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(0), seconds * 1000).unref();
