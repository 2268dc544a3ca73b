/**
 * Every outbox entry, rendered as sync sends it, against the real XSDs: the typed wrapper, then the
 * generic envelope with its payload (two steps for the CX set; one combined schema for the draft
 * openwms nouns, whose Message.xsd checks the payload itself). Returns the problems found, by entry.
 */
import { DRAFT_MESSAGE_NS, payloadNamespace } from '../../shared/cim';
import { renderForSync } from '../../electron/services/messages/renderOutbox';
import { extractPayload } from '../../electron/services/messages/xsdValidator';
import type { OutboxEntry } from '../../electron/services/store/repositories/outbox';
import { DOCUMENT_NOUN } from '../../shared/cim/outbox/kinds';
import { combinedXsd, messageXsd, messageXsdFor, payloadXsd, typedXsd, validateXml } from './xsd';

const draftOnly = new Set(['MeterServiceRequests']);

export function outboxSchemaErrors(entries: readonly OutboxEntry[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const note = (key: string, errors: string[]) => {
    if (errors.length > 0) problems[key] = errors;
  };
  for (const entry of entries) {
    const name = `${entry.verb} ${entry.noun} ${entry.messageId.slice(0, 8)}`;
    if (entry.noun === DOCUMENT_NOUN) {
      // A document travels in the generic envelope's Payload/Compressed: the envelope is all there is to check.
      note(`${name} envelope`, validateXml(renderForSync(entry, { source: 'FIELDMETER-TEST' }, 'generic'), messageXsd).errors);
      continue;
    }
    note(`${name} typed`, validateXml(renderForSync(entry, { source: 'FIELDMETER-TEST' }, 'typed'), typedXsd(entry.noun)).errors);
    const generic = renderForSync(entry, { source: 'FIELDMETER-TEST' }, 'generic');
    if (draftOnly.has(entry.noun)) {
      const both = combinedXsd([
        { namespace: DRAFT_MESSAGE_NS, path: messageXsdFor(entry.noun) },
        { namespace: payloadNamespace(entry.noun), path: payloadXsd(entry.noun) },
      ]);
      try {
        note(`${name} generic`, validateXml(generic, both.path).errors);
      } finally {
        both.dispose();
      }
      continue;
    }
    note(`${name} envelope`, validateXml(generic, messageXsdFor(entry.noun)).errors);
    const payload = extractPayload(generic);
    if (payload?.noun !== entry.noun) problems[`${name} payload`] = [`payload noun ${payload?.noun ?? 'missing'}`];
    else note(`${name} payload`, validateXml(payload.xml, payloadXsd(entry.noun)).errors);
  }
  return problems;
}
