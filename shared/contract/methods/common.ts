/** Small schemas several method modules share. */
import { z } from 'zod';
import type { Right } from '../rights';

export const nothing = z.object({}).strict();
export const usagePointId = z.string().min(1).max(64);
export const photoId = z.string().regex(/^[0-9a-f]{64}$/, 'a photo id (SHA-256, 64 hex digits)');
export const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4, `at most ${maxBytes / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');
export const note = z.string().max(2000).default('');

/** Every method: what goes in, what comes out, and the one right the signed-in profile needs (rights.ts). */
export type MethodSpecs = Record<string, { input: z.ZodType; output: z.ZodType; right: Right }>;
