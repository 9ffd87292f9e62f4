import path from 'node:path';
import rule, { type MessageIds, type Options } from '../../src/rules/no-misused-async-callback';
import { FIXTURES_DIR, ruleTester, typedRuleTester } from '../rule-tester';

/**
 * A `forEach` batch fired from a synchronous event handler (a click handler of a component, a
 * window's load listener in an Electron app's main process): the handler's caller ignores what it
 * returns, so nobody could wait for the batch, and when nothing in the handler waits either (no
 * value returned, no callback result read after the loop, no promise started after it) the loop is
 * a deliberate fire-and-forget. What is left is each callback's rejection, judged as
 * no-floating-promises judges the same call dropped there: a page or Electron logs it. On judged
 * real code, 8 of 8 such reports (read receipts sent per room from a "mark as read" menu item, style
 * sheets inserted into a window once it loaded) were not worth a change.
 */

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const UI_FILE = 'room-menu.tsx';

/** A menu of a chat page: "mark all as read" sends one receipt per room, then closes the menu. */
const markAllMenu = (handler: string, extra = ''): string => `async function sendReceipt(client, roomId) {
  const room = client.getRoom(roomId);
  if (!room) return;
  await client.sendReadReceipt(room.lastEvent());
}
${extra}
export function RoomMenu({ client, rooms, closeMenu }) {
${handler}
  return <MenuItem onClick={markAll}>Mark as read</MenuItem>;
}`;

const APP = path.join(FIXTURES_DIR, 'run-contexts', 'packaged-desktop-app');
const MAIN_FILE = path.join(APP, 'src', 'main', 'styles.ts');
const NODE_FILE = path.join(FIXTURES_DIR, 'run-contexts', 'service', 'src', 'styles.ts');

/** Style sheets inserted once an event fired; each insert hands its key to whoever asked for it. */
const stylesOn = (event: string): string => `export function injectOnLoad(contents, sheets) {
  contents.on('${event}', () => {
    sheets.forEach(async (done, css) => {
      const key = await contents.insertCSS(css);
      done?.(key);
    });
  });
}`;

ruleTester.run('no-misused-async-callback (batches fired from event handlers)', testedRule, {
  valid: [
    // a plain callback per room, in a handler used only as a click handler
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach((id) => sendReceipt(client, id));\n    closeMenu();\n  };'),
    },
    // an async callback per room, written in the attribute
    {
      filename: UI_FILE,
      code: `async function archive(id) {\n  await fetch('/api/archive/' + id, { method: 'POST' });\n}\nexport function Toolbar({ selected }) {\n  return <Button onClick={() => selected.forEach(async (id) => { await archive(id); })}>Archive</Button>;\n}`,
    },
    // kept through React's useCallback
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = useCallback(() => {\n    rooms.forEach(async (id) => {\n      await sendReceipt(client, id);\n    });\n  }, [client, rooms]);'),
    },
    // an async callback per room, then the handler only closes the menu it was handed
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach(async (id) => {\n      await sendReceipt(client, id);\n    });\n    closeMenu();\n  };'),
    },
    // the loop is the handler's expression body: nothing follows it in the handler, whatever the component does after
    {
      filename: UI_FILE,
      code: `async function save(row) {\n  await fetch('/api/rows/' + row.id, { method: 'PUT', body: JSON.stringify(row) });\n}\nexport function SaveAll({ rows }) {\n  const run = () => rows.forEach(async (row) => { await save(row); });\n  return <button onClick={run}>Save all</button>;\n}`,
    },
    // known miss (documented): a prop called with no arguments passes as ending the handler, even one telling the parent the batch is done
    {
      filename: UI_FILE,
      code: `async function save(row) {\n  await fetch('/api/rows/' + row.id, { method: 'PUT', body: JSON.stringify(row) });\n}\nexport function BulkSave({ rows, onSaved }) {\n  const run = () => {\n    rows.forEach(async (row) => {\n      await save(row);\n    });\n    onSaved();\n  };\n  return <button onClick={run}>Save</button>;\n}`,
    },
    // known miss (documented): awaits are counted as written, so one awaited read then an unawaited write passes
    {
      filename: UI_FILE,
      code: `export function Pins({ ids, storage }) {\n  const pinAll = () => {\n    ids.forEach(async (id) => {\n      const list = await storage.get('list');\n      storage.set('list', [...list, id]);\n    });\n  };\n  return <button onClick={pinAll}>Pin all</button>;\n}`,
    },
    // the same in a `try` with only a `finally`: nothing there means to catch the failures
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    try {\n      rooms.forEach(async (id) => { await sendReceipt(client, id); });\n    } finally {\n      closeMenu();\n    }\n  };'),
    },
    // a listener in an Electron app's main process: a failed insert is a warning in its log
    { filename: MAIN_FILE, code: stylesOn('loaded') },
    // two such batches in a row, the listener's last statements
    {
      filename: MAIN_FILE,
      code: "export function injectOnLoad(contents, sheets, files, readSheet) {\n  contents.on('did-finish-load', () => {\n    sheets.forEach(async (done, css) => {\n      done?.(await contents.insertCSS(css));\n    });\n    files.forEach(async (done, file) => {\n      done?.(await contents.insertCSS(readSheet(file)));\n    });\n  });\n}",
    },
    // a listener of a window's load event, in a package not known as an Electron app (one that
    // also ships a server): only Electron's main process has windows, and it logs the rejection
    { filename: NODE_FILE, code: stylesOn('did-finish-load') },
  ],
  invalid: [
    // the same listener of another event in a plain Node program: each insert's rejection is unhandled
    {
      filename: NODE_FILE,
      code: stylesOn('loaded'),
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 20, suggestions: [] }],
    },
    // a listener of a window's message in the app's main process: the window waits for its answer
    {
      filename: MAIN_FILE,
      code: "import { ipcMain } from 'electron';\nipcMain.on('apply-styles', (event, sheets) => {\n  sheets.forEach(async (css) => {\n    await event.sender.insertCSS(css);\n  });\n});",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 18, suggestions: [] }],
    },
    // the handler reloads the list right after the loop: it reads the rooms before the receipts are sent
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach((id) => sendReceipt(client, id));\n    reloadRooms(client);\n  };', 'async function reloadRooms(client) {\n  await client.sync();\n}'),
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 11, column: 19, suggestions: [] }],
    },
    // the handler's result is read: it returns a value
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach((id) => sendReceipt(client, id));\n    return rooms.length;\n  };'),
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 9, column: 19, suggestions: [] }],
    },
    // the handler is also called by another function, which may go on as if the receipts were sent
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach((id) => sendReceipt(client, id));\n  };\n  const leave = () => { markAll(); client.logout(); };\n  client.onIdle(leave);'),
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 9, column: 19, suggestions: [] }],
    },
    // inside a `try` whose `catch` reports: the author meant to handle these failures too
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    try {\n      rooms.forEach(async (id) => { await sendReceipt(client, id); });\n    } catch (error) {\n      showError(error);\n    }\n  };'),
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 10, column: 21, suggestions: [] }],
    },
    // an async handler could wait for the batch, and says it is done before it is
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = async () => {\n    rooms.forEach(async (id) => { await sendReceipt(client, id); });\n    setDone(true);\n  };'),
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 9, column: 19, suggestions: [] }],
    },
    // a synchronous handler that tells the user the rows are saved before any save ended
    {
      filename: UI_FILE,
      code: "import { api } from '../api';\nimport { toast } from 'sonner';\nexport function List({ rows }) {\n  const run = () => {\n    rows.forEach(async (row) => { await api.save(row); });\n    toast.success('All rows saved');\n  };\n  return <button onClick={run}>Go</button>;\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 5, column: 18 }],
    },
    // ... or marks the work done
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach(async (id) => { await sendReceipt(client, id); });\n    setDone(true);\n  };'),
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 9, column: 19 }],
    },
    // a window's load listener that tells the window its plugins are ready before they are
    {
      filename: MAIN_FILE,
      code: "export function startPlugins(win, plugins) {\n  win.webContents.on('did-finish-load', () => {\n    plugins.forEach(async (plugin) => { await plugin.init(win); });\n    win.webContents.send('plugins-ready');\n  });\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 21 }],
    },
    // each item reads the stored list, then writes it back: the items interleave and the last write wins
    {
      filename: UI_FILE,
      code: "import { api } from '../api';\nexport function AddButton({ selected }) {\n  const run = () => {\n    selected.forEach(async (id) => {\n      const list = await api.loadPlaylist();\n      list.push(id);\n      await api.savePlaylist(list);\n    });\n  };\n  return <button onClick={run}>Add</button>;\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 22 }],
    },
    // a UI's test file: a lost rejection there hides a failing case
    {
      filename: 'room-menu.test.tsx',
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach((id) => sendReceipt(client, id));\n    closeMenu();\n  };'),
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 9, column: 19 }],
    },
    // a terminal UI (ink) runs in Node: each lost rejection is unhandled there
    {
      filename: path.join(FIXTURES_DIR, 'run-contexts', 'terminal-ui', 'room-menu.tsx'),
      code: markAllMenu('  const markAll = () => {\n    rooms.forEach((id) => sendReceipt(client, id));\n    closeMenu();\n  };'),
      errors: [{ messageId: 'ignoredPromiseCallback', data: { method: 'forEach' }, line: 9, column: 19 }],
    },
    // a handler that is exported may be called by another module, which may go on as if it were done
    {
      filename: UI_FILE,
      code: "import { api } from '../api';\nexport function run(rows) {\n  rows.forEach(async (row) => { await api.save(row); });\n}\nexport function List() {\n  return <button onClick={run}>Go</button>;\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 16 }],
    },
    {
      filename: UI_FILE,
      code: "import { api } from '../api';\nexport const run = (rows) => {\n  rows.forEach(async (row) => { await api.save(row); });\n};\nexport function List() {\n  return <button onClick={run}>Go</button>;\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 3, column: 16 }],
    },
    // the handler reads what the callbacks fill right after the loop
    {
      filename: UI_FILE,
      code: markAllMenu('  const markAll = () => {\n    const sent = [];\n    rooms.forEach(async (id) => { sent.push(await sendReceipt(client, id)); });\n    setSent(sent);\n  };'),
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 10, column: 19, suggestions: [] }],
    },
  ],
});

typedRuleTester.run('no-misused-async-callback (typed, batches fired from event handlers)', testedRule, {
  valid: [
    {
      filename: 'file.tsx',
      code: "import { saveUser } from './promise-api';\nexport function Names({ names, close }: { names: string[]; close: () => void }) {\n  const saveAll = () => {\n    names.forEach(async (name) => { await saveUser(name); });\n    close();\n  };\n  return <button onClick={saveAll}>Save</button>;\n}",
    },
  ],
  invalid: [
    // a promise started after the loop
    {
      filename: 'file.tsx',
      code: "import { saveUser } from './promise-api';\nexport function Names({ names, close }: { names: string[]; close: () => void }) {\n  const saveAll = () => {\n    names.forEach(async (name) => { await saveUser(name); });\n    saveUser('all').then(close);\n  };\n  return <button onClick={saveAll}>Save</button>;\n}",
      errors: [{ messageId: 'ignoredCallback', data: { method: 'forEach' }, line: 4, column: 19 }],
    },
  ],
});
