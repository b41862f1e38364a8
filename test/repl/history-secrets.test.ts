// The REPL's history never keeps a secret of a .server URL: a password with
// an @ or a space, user info, and query parameters (even of a URL that was refused).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive } from './fake.js';

const CASES: [string, RegExp, RegExp][] = [
  ['.server http://user:pa@ss@prom.example:9090/', /user|pa@|ss@|pa%40/, /\.server http:\/\/\*\*\*@prom\.example:9090\/$/m],
  ['.server http://bob:two words@prom.example/', /bob|two|words/, /\.server http:\/\/\*\*\*@prom\.example\/$/m],
  [
    '.server https://prom.example/?api_key=k3y-s3cret&x=1',
    /k3y|s3cret|x=1/,
    /\.server https:\/\/prom\.example\/\?api_key=\*\*\*&x=\*\*\*$/m,
  ],
  ['.server prom.example?token=tok3n-value', /tok3n/, /\.server prom\.example\?token=\*\*\*$/m],
];

test('.server secrets never reach the history file, whole or in part', async () => {
  for (const [line, secret, kept] of CASES) {
    const dir = mkdtempSync(join(tmpdir(), 'promlearn-hist-secrets-'));
    try {
      const d = drive({ stateDir: dir, openBackend: () => Promise.reject(new Error('refused')) });
      await d.waitFor('> ');
      d.type(`${line}\r`);
      await d.waitFor('refused');
      d.type('.quit\r');
      await d.done;
      const text = readFileSync(join(dir, 'history'), 'utf8');
      assert.doesNotMatch(text, secret, line);
      assert.match(text, kept, line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
