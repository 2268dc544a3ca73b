import { copyFile } from 'node:fs/promises';
import { extname, isAbsolute, normalize } from 'node:path';
import type { evidenceMethods } from '../../../shared/contract/methods/evidence';
import { AppError } from '../../../shared/contract/result';
import { createReceipt, findReceiptFile, receiptInfoOf } from '../evidence/receipts';
import { saveSignature, signatureInfoOf } from '../evidence/signatures';
import { writeFileSafely } from '../files/safeWrite';
import type { DomainHandlers, HandlerContext } from './context';

export function evidenceHandlers({ store, actor, photoDir, saveDialog }: HandlerContext): DomainHandlers<keyof typeof evidenceMethods> {
  return {
    'evidence.get': ({ visit }) => {
      const signature = store.evidence.signature(visit);
      return { signature: signature && signatureInfoOf(signature), receipts: store.evidence.receipts(visit).map((r) => receiptInfoOf(r)) };
    },
    'evidence.signSwitch': ({ switchOrderId, signature }) =>
      saveSignature(store, actor(), photoDir, { kind: 'switchOrder', id: switchOrderId }, signature),
    'evidence.signWorkOrder': ({ workOrderId, signature }) =>
      saveSignature(store, actor(), photoDir, { kind: 'workOrder', id: workOrderId }, signature),
    'evidence.receiptSwitch': ({ switchOrderId, language }) =>
      createReceipt(store, actor(), photoDir, { kind: 'switchOrder', id: switchOrderId }, language),
    'evidence.receiptWorkOrder': ({ workOrderId, language }) =>
      createReceipt(store, actor(), photoDir, { kind: 'workOrder', id: workOrderId }, language),
    'evidence.saveReceiptAs': async ({ fileName }) => {
      const file = findReceiptFile(store, photoDir, fileName);
      if (!saveDialog)
        throw new AppError('VALIDATION', 'Saving with a dialog needs the desktop app; in the browser the receipt downloads.', {
          reason: 'desktopOnly',
        });
      const target = await saveDialog(file.name);
      if (target === null) return { path: null };
      const path = normalize(target);
      if (!isAbsolute(path) || extname(path).toLowerCase() !== '.pdf')
        throw new AppError('VALIDATION', 'Save the receipt with the .pdf ending, so other programs open it.', {
          reason: 'fileEnding',
          ending: 'pdf',
        });
      // The dialog asked before replacing a file; never a database, and through a temporary file (safeWrite.ts).
      await writeFileSafely(path, { force: true, databasePath: store.path }, (temporary) => copyFile(file.path, temporary));
      return { path };
    },
  };
}
