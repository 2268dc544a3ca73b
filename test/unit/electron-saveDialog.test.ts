import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { ElectronMain } from '../../electron/main/app';
import { mainWordsDe, mainWordsEn } from '../../electron/main/mainWords';
import { exportSaveDialog, exportSaveOptions } from '../../electron/main/saveDialog';

function fake(answer: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn((..._args: unknown[]) => Promise.resolve(answer));
  const electron = { app: { getPath: (name: string) => `/home/sam/${name}` }, dialog: { showSaveDialog } } as unknown as Pick<
    ElectronMain,
    'app' | 'dialog'
  >;
  return { electron, showSaveDialog };
}

const english = () => mainWordsEn.saveExport;

describe('export save dialog (main process)', () => {
  it('offers the export name in Documents with its own ending, attached to the window', async () => {
    const { electron, showSaveDialog } = fake({ canceled: false, filePath: '/media/usb/day.csv' });
    const window = {} as BrowserWindow;
    expect(await exportSaveDialog(electron, () => window, english)('fieldmeter-20261123-090000.csv')).toBe('/media/usb/day.csv');
    expect(showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: 'Save export',
        defaultPath: '/home/sam/documents/fieldmeter-20261123-090000.csv',
        filters: [{ name: 'CSV file', extensions: ['csv'] }],
      }),
    );
  });

  it('answers null when the person cancels, and works without a window', async () => {
    const { electron, showSaveDialog } = fake({ canceled: true });
    expect(await exportSaveDialog(electron, () => null, english)('fieldmeter-x.pdf')).toBeNull();
    expect(showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('asks in German when German is chosen, with the words asked at each save', async () => {
    expect(exportSaveOptions(mainWordsDe.saveExport, '/home/sam/Dokumente', 'fieldmeter-20261123-090000.pdf')).toEqual({
      title: 'Export speichern',
      defaultPath: '/home/sam/Dokumente/fieldmeter-20261123-090000.pdf',
      filters: [{ name: 'PDF-Datei', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    let words = mainWordsEn.saveExport;
    const { electron, showSaveDialog } = fake({ canceled: true });
    const ask = exportSaveDialog(
      electron,
      () => null,
      () => words,
    );
    await ask('day.xml');
    words = mainWordsDe.saveExport;
    await ask('day.xml');
    expect(showSaveDialog.mock.calls.map((call) => (call[0] as { title: string }).title)).toEqual(['Save export', 'Export speichern']);
  });
});
