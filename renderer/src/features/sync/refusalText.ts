/**
 * Why a message from the enterprise was refused, in the user's language (issue 16 §3): said from
 * the refusal's code and details through the error catalogs (errors.inboundRefusal.*, the words
 * the CLI says too), never from a sentence of the Node side. One refused for another coded error
 * is said as that error is.
 */
import i18next from 'i18next';
import type { InboundRefusal } from '../../../../shared/contract/inboundRefusal';
import { inboundRefusalKey, inboundRefusalTag, schemaFindingsOf } from '../../../../shared/i18n/inboundRefusalKey';
import { saySchemaFinding, schemaFindingText } from '../../../../shared/i18n/schemaFindingWords';
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

/**
 * What the utility's schemas found in a refused message, each in words (element names, values and
 * lines as written) with the checker's own line, small, for support; a plain line an earlier version
 * kept is its own words.
 */
export function schemaFindingsSaid(refusal: InboundRefusal): { words: string; text: string }[] {
  return schemaFindingsOf(refusal).map((finding) => ({
    words: saySchemaFinding((key, values) => say(`errors.${key}`, values), finding),
    text: schemaFindingText(finding),
  }));
}
