/**
 * Why a message from the enterprise was refused, in the user's language (issue 16 §3): said from
 * the refusal's code and details through the error catalogs (errors.inboundRefusal.*, the words
 * the CLI says too), never from a sentence of the Node side. One refused for another coded error
 * is said as that error is.
 */
import i18next from 'i18next';
import type { InboundRefusal } from '../../../../shared/contract/inboundRefusal';
import { inboundRefusalKey, inboundRefusalTag } from '../../../../shared/i18n/inboundRefusalKey';
import { errorText } from '../../lib/errorText';

const say = (key: string, values: object = {}) => (i18next.t as unknown as (key: string, values: object) => string)(key, values);

export function inboundRefusalText(refusal: InboundRefusal): string {
  if (refusal.code === 'failed') return errorText(refusal.details.error);
  const found = inboundRefusalKey(refusal);
  return found && i18next.exists(`errors.${found.key}`) ? say(`errors.${found.key}`, found.values) : say('errors.reason.message');
}

/** The code and the line, shown small beside the words (for support, and to find the place in the message). */
export function refusalTag(refusal: InboundRefusal): string {
  // The placeholder is left for the shared function to fill.
  return inboundRefusalTag({ inboundRefusalLine: say('errors.inboundRefusalLine', { line: '{{line}}' }) }, refusal);
}
