import { app, BrowserWindow, ipcMain, dialog, shell } from 'electron';
import * as fs from 'fs';
import { readFile, writeFile } from 'fs/promises';
import path from 'path';
import Store from 'electron-store';

const store = new Store<{ recent: string[] }>({ defaults: { recent: [] } });
let mainWindow: BrowserWindow | null = null;

async function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1200,
    height: 800,
    webPreferences: { preload: path.join(__dirname, 'preload.js'), contextIsolation: true },
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadFile(path.join(__dirname, 'index.html'));
}

async function openDocument(filePath: string) {
  const content = await readFile(filePath, 'utf8');
  store.set('recent', [filePath, ...store.get('recent').filter((p) => p !== filePath)].slice(0, 10));
  mainWindow?.webContents.send('document:opened', { filePath, content });
}

ipcMain.handle('document:open', async () => {
  const { canceled, filePaths } = await dialog.showOpenDialog({ properties: ['openFile'] });
  if (canceled || filePaths.length === 0) return null;
  await openDocument(filePaths[0]);
  return filePaths[0];
});

ipcMain.handle('document:save', async (_event, filePath: string, content: string) => {
  const backup = `${filePath}.bak`;
  if (fs.existsSync(filePath)) { // expect: no-blocking-in-async
    fs.copyFileSync(filePath, backup); // expect: no-blocking-in-async
  }
  await writeFile(filePath, content, 'utf8');
  return true;
});

ipcMain.handle('recent:list', async () => {
  const recent = store.get('recent');
  return recent.filter(async (p) => { // expect: no-misused-async-callback
    try {
      await fs.promises.access(p);
      return true;
    } catch {
      return false;
    }
  });
});

ipcMain.on('open-external', (_e, url: string) => {
  shell.openExternal(url); // expect-typed: no-floating-promises
});

app.whenReady().then(() => { // expect: no-floating-promises
  createWindow(); // expect: no-floating-promises
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
