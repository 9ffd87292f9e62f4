// Methods named like a host's dialog (`showMessageBox`, `showSaveDialog`, `showDialog`) of an
// object or class the file makes itself are judged by their bodies, not taken for a window the
// person answers: a local one that fetches is a request like any other (review finding 11).
import { ruleTester } from '../rule-tester';
import floating from '../../src/rules/no-floating-promises';
import ppa from '../../src/rules/prefer-promise-all';

type AnyRule = Parameters<typeof ruleTester.run>[1];
type Case = { filename: string; code: string; errors: { messageId: string; line: number; column: number; suggestions?: unknown[] }[] };
const cases: Case[] = [
  // Finding 11: USER_DIALOG_METHOD on ANY receiver makes apiEffect say 'prompt' (ppa12 fe9d721), so isPromptValue excuses the .then chain: a local object's showMessageBox that POSTs is taken for a person's answer (flo12 574deea deleted this very test)
  {
    "filename": "/virtual/app/leave.js",
    "code": "const dialog = { showMessageBox: async (options) => fetch('/confirm', { method: 'POST', body: JSON.stringify(options) }) };\nexport function confirmLeave(leave) {\n  dialog.showMessageBox({ message: 'Leave?' }).then(() => leave());\n}",
    "errors": [
      {
        "messageId": "floatingChain",
        "line": 3,
        "column": 3,
        "suggestions": [
          {
            "messageId": "suggestVoid",
            "output": "const dialog = { showMessageBox: async (options) => fetch('/confirm', { method: 'POST', body: JSON.stringify(options) }) };\nexport function confirmLeave(leave) {\n  void dialog.showMessageBox({ message: 'Leave?' }).then(() => leave());\n}"
          }
        ]
      }
    ]
  },
  // Finding 11b: a class's own async showSaveDialog that fetches (calledFunction resolves it, yet the name wins)
  {
    "filename": "/virtual/app/exporter.js",
    "code": "export class Exporter {\n  async showSaveDialog(name) {\n    const res = await fetch(`/api/export-targets?name=${encodeURIComponent(name)}`);\n    if (!res.ok) throw new Error(`export targets: ${res.status}`);\n    return res.json();\n  }\n  start(name, done) {\n    this.showSaveDialog(name).then((target) => done(target));\n  }\n}",
    "errors": [
      {
        "messageId": "floatingChain",
        "line": 8,
        "column": 5,
        "suggestions": [
          {
            "messageId": "suggestVoid",
            "output": "export class Exporter {\n  async showSaveDialog(name) {\n    const res = await fetch(`/api/export-targets?name=${encodeURIComponent(name)}`);\n    if (!res.ok) throw new Error(`export targets: ${res.status}`);\n    return res.json();\n  }\n  start(name, done) {\n    void this.showSaveDialog(name).then((target) => done(target));\n  }\n}"
          }
        ]
      }
    ]
  },
  // Finding 11c (prefer-promise-all): a class method named showDialog that only fetches ends the group as if a person answered
  {
    "filename": "/virtual/app/panel.js",
    "code": "export class Panel {\n  async showDialog(id) {\n    const res = await fetch(`/api/dialogs/${id}`);\n    return res.json();\n  }\n  async loadUser(id) {\n    const res = await fetch(`/api/users/${id}`);\n    return res.json();\n  }\n  async open(id) {\n    const dialog = await this.showDialog(id);\n    const user = await this.loadUser(id);\n    return { dialog, user };\n  }\n}",
    "errors": [
      {
        "messageId": "sequentialAwaits",
        "line": 11,
        "column": 20,
        "suggestions": [
          {
            "messageId": "useGather",
            "data": {
              "count": 2
            },
            "output": "export class Panel {\n  async showDialog(id) {\n    const res = await fetch(`/api/dialogs/${id}`);\n    return res.json();\n  }\n  async loadUser(id) {\n    const res = await fetch(`/api/users/${id}`);\n    return res.json();\n  }\n  async open(id) {\n    const [dialog, user] = await Promise.all([this.showDialog(id), this.loadUser(id)]);\n    return { dialog, user };\n  }\n}"
          }
        ]
      }
    ]
  },
];

const isPpa = (c: Case) => c.errors[0]?.messageId === 'sequentialAwaits';
ruleTester.run('dr12 main no-floating-promises', floating as unknown as AnyRule, { valid: [], invalid: cases.filter((c) => !isPpa(c)) as never });
ruleTester.run('dr12 main prefer-promise-all', ppa as unknown as AnyRule, { valid: [], invalid: cases.filter(isPpa) as never });
