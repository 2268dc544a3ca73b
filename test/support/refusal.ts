/** What a refused inbound message is expected to carry: its refusal code, and the details named (shared/contract/inboundRefusal.ts). */
import { expect } from 'vitest';
import type { InboundRefusalCode } from '../../shared/contract/inboundRefusal';

export const refusedWith = (code: InboundRefusalCode, details?: Record<string, unknown>, line?: number) =>
  expect.objectContaining({
    code: 'IMPORT_REJECTED',
    refusal: expect.objectContaining({
      code,
      ...(details ? { details: expect.objectContaining(details) } : {}),
      ...(line === undefined ? {} : { line }),
    }),
  });
