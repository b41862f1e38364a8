// `learn --validate` runs every prom-client snippet of the lessons (```js
// blocks that require('prom-client')) against the real prom-client, a dev
// dependency, so a lesson can never again show code that throws when copied
// (prom-client requires `help`, for one). Each snippet runs in a fresh
// registry inside a vm context; `express` is a stand-in whose GET routes are
// then called, so a /metrics handler really renders register.metrics().

import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import type { Lesson, Problem } from './model.js';
import { t } from '../util/messages/index.js';

export interface Snippet {
  file: string;
  /** 1-based line of the code's first line. */
  line: number;
  code: string;
}

interface PromClient {
  register: { clear(): void; resetMetrics(): void; metrics(): Promise<string> };
}

/** The ```js blocks of the lessons' prose that use prom-client. */
export function promClientSnippets(lessons: Lesson[]): Snippet[] {
  const out: Snippet[] = [];
  for (const l of lessons) {
    for (const s of l.steps) {
      for (const b of s.blocks) {
        if (b.kind !== 'text') continue;
        const lines = b.text.split('\n');
        for (let i = 0; i < lines.length; i++) {
          if (!/^```(js|javascript)\s*$/.test(lines[i])) continue;
          const end = lines.findIndex((x, j) => j > i && /^```\s*$/.test(x));
          const code = lines.slice(i + 1, end < 0 ? lines.length : end).join('\n');
          if (/require\(['"]prom-client['"]\)/.test(code)) out.push({ file: l.file, line: b.line + i + 1, code });
          i = end < 0 ? lines.length : end;
        }
      }
    }
  }
  return out;
}

/** Runs each snippet; a snippet that throws (or whose /metrics route fails) is a problem at its line. */
export async function checkSnippets(lessons: Lesson[]): Promise<Problem[]> {
  const snippets = promClientSnippets(lessons);
  if (snippets.length === 0) return [];
  let client: PromClient;
  try {
    client = createRequire(import.meta.url)('prom-client') as PromClient;
  } catch {
    const s = snippets[0];
    return [{ file: s.file, line: s.line, message: t('validate.noPromClient') }];
  }
  const problems: Problem[] = [];
  for (const s of snippets) {
    const failure = await runSnippet(client, s.code);
    if (failure) problems.push({ file: s.file, line: s.line, message: t('validate.snippetThrows', { failure }) });
  }
  client.register.clear();
  return problems;
}

type Handler = (req: unknown, res: FakeResponse) => unknown;

interface FakeResponse {
  set(name: string, value: string): FakeResponse;
  end(body?: string): void;
  body?: string;
}

async function runSnippet(client: PromClient, code: string): Promise<string | undefined> {
  client.register.clear();
  const routes: Handler[] = [];
  const express = () => ({
    get: (_path: string, ...handlers: Handler[]) => void routes.push(...handlers),
    use: () => {},
    listen: () => ({ close: () => {} }),
  });
  const sandboxRequire = (name: string) => {
    if (name === 'prom-client') return client;
    if (name === 'express') return express;
    throw new Error(t('validate.snippetRequires', { name }));
  };
  try {
    await runInNewContext(`(async () => {\n${code}\n})()`, { require: sandboxRequire, console: { log() {}, error() {} }, process }, { timeout: 5000 });
    for (const handler of routes) {
      const res: FakeResponse = { set: () => res, end: (body) => void (res.body = body) };
      await handler({}, res);
      if (typeof res.body !== 'string') return t('validate.noBody');
    }
    await client.register.metrics();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
