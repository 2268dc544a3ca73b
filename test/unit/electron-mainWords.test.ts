/**
 * The Electron main process's own words in the person's language (issue 16 §3): which language it
 * speaks, the menu, and the box when the database is refused — with real database files. The save
 * dialog's words are in electron-saveDialog.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../shared/contract/api';
import { startMain, type ElectronMain } from '../../electron/main/app';
import { databaseRefusal } from '../../electron/main/databaseRefusal';
import { mainLanguage, systemLanguages } from '../../electron/main/language';
import { mainWordsDe, mainWordsEn } from '../../electron/main/mainWords';
import { menuTemplate } from '../../electron/main/menu';
import { startFailure } from '../../electron/main/startFailure';
import { openStore } from '../../electron/services/store';
import { createFakeElectron, type FakeElectron } from './electron-fakes';

vi.mock('electron', async () => (await import('./electron-fakes')).createFakeElectron({ singleInstanceLock: false }));
process.env.FIELDMETER_LOG = 'silent';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldmeter-mainwords-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What opening a file throws, as startMain would meet it. */
function refusalOf(path: string): unknown {
  try {
    openStore(path).close();
  } catch (error) {
    return error;
  }
  throw new Error(`${path} was opened`);
}

const futureDatabase = () => {
  const path = join(dir, 'future.db');
  const db = new Database(path);
  db.pragma('user_version = 999');
  db.close();
  return path;
};

const foreignDatabase = () => {
  const path = join(dir, 'kassenbuch.db');
  const db = new Database(path);
  db.exec('CREATE TABLE buchungen (id INTEGER PRIMARY KEY, betrag REAL)');
  db.close();
  return path;
};

describe('the main process language', () => {
  it('follows the choice stored in the database, English while none is stored', () => {
    expect(mainLanguage({ database: 'open', stored: 'de' })).toBe('de');
    expect(mainLanguage({ database: 'open', stored: 'en' })).toBe('en');
    expect(mainLanguage({ database: 'open', stored: null })).toBe('en');
    expect(mainLanguage({ database: 'open', stored: 'fr' })).toBe('en');
  });

  it('takes the system’s first preferred language only when there is no database to ask', () => {
    expect(mainLanguage({ database: 'unavailable', systemLanguages: ['de-DE', 'en-US'] })).toBe('de');
    expect(mainLanguage({ database: 'unavailable', systemLanguages: ['de'] })).toBe('de');
    expect(mainLanguage({ database: 'unavailable', systemLanguages: ['de_AT'] })).toBe('de');
    expect(mainLanguage({ database: 'unavailable', systemLanguages: ['en-GB', 'de-DE'] })).toBe('en');
    expect(mainLanguage({ database: 'unavailable', systemLanguages: ['dsb'] })).toBe('en');
    expect(mainLanguage({ database: 'unavailable', systemLanguages: [] })).toBe('en');
    // Where the OS lists no preference, Electron's own locale stands in.
    expect(systemLanguages({ getPreferredSystemLanguages: () => [], getLocale: () => 'de-CH' })).toEqual(['de-CH']);
    expect(systemLanguages({ getPreferredSystemLanguages: () => ['en-GB', 'de'], getLocale: () => 'de-CH' })).toEqual(['en-GB', 'de']);
  });

  it('has the same words in both catalogs', () => {
    const shape = (words: object): string[] =>
      Object.entries(words).flatMap(([key, value]) =>
        typeof value === 'object' ? shape(value as object).map((k) => `${key}.${k}`) : [key],
      );
    expect(shape(mainWordsDe)).toEqual(shape(mainWordsEn));
  });
});

describe('the menu', () => {
  it('titles its own menus in German; the role items are left to Electron', () => {
    const template = menuTemplate({ isPackaged: true, platform: 'linux', words: mainWordsDe.menu });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['Datei', 'editMenu', 'Ansicht']);
    expect(JSON.stringify(template)).not.toMatch(/"label":"(File|View)"/);
  });
});

describe('the box when the database is refused', () => {
  it('says a database from a newer Fieldmeter in words, the raw reason only beneath', () => {
    const path = futureDatabase();
    const error = refusalOf(path);
    const german = databaseRefusal(error, path, 'de');
    expect(german.title).toBe('Fieldmeter kann seine Datenbank nicht öffnen');
    const lines = german.text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Die Datenbank wurde von einem neueren Fieldmeter geschrieben. Aktualisieren Sie Fieldmeter.',
      `Datenbank: ${path}`,
      '',
    ]);
    expect(lines[3]).toMatch(/^Technische Angabe \(für den Support\): .*schema 999/);
    expect(lines).toHaveLength(4);

    const english = databaseRefusal(error, path, 'en');
    expect(english.title).toBe('Fieldmeter cannot open its database');
    expect(english.text.split('\n').slice(0, 2)).toEqual([
      'The database was written by a newer Fieldmeter. Update Fieldmeter.',
      `Database: ${path}`,
    ]);
  });

  it('says another program’s database by its reason', () => {
    const path = foreignDatabase();
    const error = refusalOf(path);
    expect(databaseRefusal(error, path, 'de').text.split('\n')[0]).toBe(
      'Diese Datei ist die Datenbank eines anderen Programms. Sie wurde nicht geändert; wählen Sie eine andere Datei.',
    );
    expect(databaseRefusal(error, path, 'en').text.split('\n')[0]).toBe(
      'This file is a database of another program. It was not changed; choose another file.',
    );
  });

  it('says a plain error by its kind where it has one, else that the file could not be opened', () => {
    const path = '/media/usb/fieldmeter.db';
    const plain = new Error('unable to open database file');
    expect(databaseRefusal(plain, path, 'de').text).toBe(
      [
        'Die Datenbankdatei konnte nicht geöffnet werden.',
        'Datenbank: /media/usb/fieldmeter.db',
        '',
        'Technische Angabe (für den Support): unable to open database file',
      ].join('\n'),
    );
    expect(databaseRefusal(plain, path, 'en').text).toBe(
      [
        'The database file could not be opened.',
        'Database: /media/usb/fieldmeter.db',
        '',
        'Technical detail (for support): unable to open database file',
      ].join('\n'),
    );
    const readOnly = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    expect(databaseRefusal(readOnly, path, 'de').text.split('\n')[0]).toBe(
      'Fieldmeter kann nicht in seinen Datenordner schreiben. Bisher Gespeichertes ist nicht verloren.',
    );
  });
});

describe('the box when the start failed', () => {
  it('says what to do in words, the raw reason beneath', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'whenReady')");
    expect(startFailure(error, 'de')).toEqual({
      title: 'Fieldmeter konnte nicht starten',
      text: [
        'Starten Sie Fieldmeter erneut. Wenn es wieder geschieht, geben Sie dem Support die technische Angabe unten.',
        '',
        "Technische Angabe (für den Support): Cannot read properties of undefined (reading 'whenReady')",
      ].join('\n'),
    });
    expect(startFailure('no display', 'en')).toEqual({
      title: 'Fieldmeter could not start',
      text: [
        'Start Fieldmeter again. If this happens again, give support the technical detail below.',
        '',
        'Technical detail (for support): no display',
      ].join('\n'),
    });
  });
});

describe('start-up in the person’s language', () => {
  const appWith = (systemLanguages: readonly string[]) => {
    const appPath = join(dir, 'app');
    mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    return createFakeElectron({ appPath, appData: join(dir, 'appData'), systemLanguages });
  };
  const asElectron = (fake: FakeElectron) => fake as unknown as ElectronMain;
  const lastMenuLabels = (fake: FakeElectron) => {
    const template = fake.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as { label?: string }[];
    return template.map((item) => item.label).filter(Boolean);
  };

  it('shows the refused database in the system’s German when there is no database to ask', async () => {
    const fake = appWith(['de-DE']);
    await startMain(asElectron(fake), ['electron', '.', '--db', futureDatabase()], {});
    const [title, text] = fake.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('Fieldmeter kann seine Datenbank nicht öffnen');
    expect(String(text).split('\n')[0]).toBe('Die Datenbank wurde von einem neueren Fieldmeter geschrieben. Aktualisieren Sie Fieldmeter.');
  });

  it('titles the menu in the stored language, and again when the person changes it', async () => {
    const db = join(dir, 'start.db');
    // A German system does not override the choice the window shows (English while none is stored).
    const fake = appWith(['de-DE']);
    await startMain(asElectron(fake), ['electron', '.', '--demo', '--db', db], {});
    expect(lastMenuLabels(fake)).toEqual(['File', 'View']);

    const [window] = fake.windows;
    const event = { sender: { id: window?.webContents.id ?? -1 }, senderFrame: window?.webContents.mainFrame ?? null };
    const invoke = (method: string, input: unknown) => fake.ipcMain.handlers.get(ipcChannel(method as never))?.(event, input);
    expect(await invoke('session.signIn', { name: 'Tina Technician', secret: '111111' })).toMatchObject({ ok: true });
    expect(await invoke('settings.setLocale', { locale: 'de' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(lastMenuLabels(fake)).toEqual(['Datei', 'Ansicht']));
    fake.app.emit('will-quit');

    // The next start reads the stored choice.
    const again = appWith(['en-US']);
    await startMain(asElectron(again), ['electron', '.', '--db', db], {});
    expect(lastMenuLabels(again)).toEqual(['Datei', 'Ansicht']);
    again.app.emit('will-quit');
  });
});
