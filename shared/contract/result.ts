/**
 * Results that cross a process boundary (IPC or HTTP). A handler never throws across
 * the boundary: the host turns every failure into `{ ok: false, error }` with a code the
 * renderer can branch on and details it says in the user's words.
 */
import { z } from 'zod';

// The codes and the error class live in a module without zod: the CLI throws them from commands
// that never load the schemas (issue 21). Re-exported here, where the rest of the code looks.
import { AppError, errorCodes, type AppErrorShape as PlainAppErrorShape, type DetailsArgument, type ErrorCode } from './appError';

export { AppError, errorCodes, type ErrorCode };

/**
 * An error as it crosses the boundary: its code and typed details, which the renderer says in the
 * user's language (errorText), and the id of the Node log entry that holds the developer message
 * (which never crosses). The details are checked against their code's schema where they leave
 * (dispatch); here they stay `unknown`, so a renderer older than the Node side still shows the
 * code's words. Unknown keys (a `message` from an older Node side) are dropped.
 */
export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  details: z.unknown().optional(),
  logId: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;
/** appError.ts types AppError.toShape() without zod: this fails to compile when the two shapes part. */
const _shapesAgree: [AppErrorShape, PlainAppErrorShape] extends [PlainAppErrorShape, AppErrorShape] ? true : never = true;
void _shapesAgree;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <C extends ErrorCode>(code: C, message: string, ...details: DetailsArgument<C>): Result<never> => ({
  ok: false,
  error: new AppError(code, message, ...details).toShape(),
});

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: appErrorSchema })]);
}
