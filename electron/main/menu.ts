/**
 * A minimal application menu. It exists mostly for the keyboard: copy/paste/undo in the
 * reading fields and zoom for bright sunlight. Developer tools only in unpackaged builds.
 * The two menus of our own get their titles from the main process's catalog; the `role:` items
 * are named by Electron and the OS in the system's language.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MainWords } from './mainWords';

export interface MenuOptions {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  readonly words: MainWords['menu'];
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: options.words.file, submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: options.words.view, submenu: view },
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
  ];
}
