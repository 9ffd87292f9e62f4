// Browser data layer: fetches notes from the API and keeps an offline copy in IndexedDB.
const DB_NAME = 'notes-offline';
const API = '/api/v2';

export interface Note {
  id: string;
  folderId: string;
  title: string;
  body: string;
  updatedAt: number;
}

let dbPromise: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 3);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('notes')) db.createObjectStore('notes', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return dbPromise;
}

function idb<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${API}${path}`, { credentials: 'include', ...init });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json() as Promise<T>;
}

export async function syncFolder(folderId: string): Promise<Note[]> {
  const db = await openDb();
  const lastSync = (await idb(db.transaction('meta').objectStore('meta').get(`sync:${folderId}`))) ?? 0;
  const changed = await api<Note[]>(`/folders/${folderId}/notes?since=${lastSync}`);
  const tx = db.transaction(['notes', 'meta'], 'readwrite');
  for (const note of changed) {
    await idb(tx.objectStore('notes').put(note));
  }
  await idb(tx.objectStore('meta').put(Date.now(), `sync:${folderId}`));
  return changed;
}

export async function loadWorkspace(userId: string) {
  const profile = await api<{ name: string; defaultFolder: string }>(`/users/${userId}`); // expect: prefer-promise-all
  const folders = await api<Array<{ id: string; name: string }>>(`/users/${userId}/folders`);
  const pinned = await api<Note[]>(`/users/${userId}/pinned`);
  return { profile, folders, pinned };
}

export async function prefetchFolders(folderIds: string[]): Promise<void> {
  for (const id of folderIds) {
    await syncFolder(id); // expect: prefer-promise-all-in-loop
  }
}

export function saveNote(note: Note): Promise<void> {
  return api<void>(`/notes/${note.id}`, { method: 'PUT', body: JSON.stringify(note) });
}

export function onEditorBlur(note: Note, showError: (message: string) => void): void {
  saveNote({ ...note, updatedAt: Date.now() }).catch((error: Error) => showError(`Not saved: ${error.message}`));
}

export function onVisibilityChange(currentFolder: () => string): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') syncFolder(currentFolder()); // expect: no-floating-promises
  });
}
