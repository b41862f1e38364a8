// prom-client snippets in lessons run against the real prom-client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLesson } from '../../src/lessons/parse.js';
import { checkSnippets, promClientSnippets } from '../../src/lessons/snippets.js';

const lesson = (code: string) =>
  parseLesson(`# T\nsummary: s\n\n## Step\nSome prose.\n\n\`\`\`js\n${code}\n\`\`\`\n`, '01-t.md').lesson!;

test('a snippet without help is reported at its line', async () => {
  const l = lesson("const client = require('prom-client');\nnew client.Counter({ name: 'x_total' });");
  assert.deepEqual(promClientSnippets([l]).map((s) => s.line), [8]);
  const problems = await checkSnippets([l]);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /this prom-client snippet throws: .*help/i);
  assert.equal(problems[0].line, 8);
});

test('a correct snippet, /metrics route included, passes', async () => {
  const code = [
    "const express = require('express');",
    "const client = require('prom-client');",
    'const app = express();',
    "const c = new client.Counter({ name: 'x_total', help: 'x' });",
    'c.inc();',
    "app.get('/metrics', async (req, res) => {",
    "  res.set('Content-Type', client.register.contentType);",
    '  res.end(await client.register.metrics());',
    '});',
  ].join('\n');
  assert.deepEqual(await checkSnippets([lesson(code)]), []);
});

test('code that does not use prom-client is prose, not checked', () => {
  assert.deepEqual(promClientSnippets([lesson('console.log(1)')]), []);
});
