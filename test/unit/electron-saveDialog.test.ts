import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { ElectronMain } from '../../electron/main/app';
import { exportSaveDialog } from '../../electron/main/saveDialog';

function fake(answer: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn((..._args: unknown[]) => Promise.resolve(answer));
  const electron = { app: { getPath: (name: string) => `/home/sam/${name}` }, dialog: { showSaveDialog } } as unknown as Pick<
    ElectronMain,
    'app' | 'dialog'
  >;
  return { electron, showSaveDialog };
}

describe('export save dialog (main process)', () => {
  it('offers the export name in Documents with its own ending, attached to the window', async () => {
    const { electron, showSaveDialog } = fake({ canceled: false, filePath: '/media/usb/day.csv' });
    const window = {} as BrowserWindow;
    expect(await exportSaveDialog(electron, () => window)('fieldmeter-20261123-090000.csv')).toBe('/media/usb/day.csv');
    expect(showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: '/home/sam/documents/fieldmeter-20261123-090000.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      }),
    );
  });

  it('answers null when the person cancels, and works without a window', async () => {
    const { electron, showSaveDialog } = fake({ canceled: true });
    expect(await exportSaveDialog(electron, () => null)('fieldmeter-x.pdf')).toBeNull();
    expect(showSaveDialog.mock.calls[0]).toHaveLength(1);
  });
});
