// Golden files: the expected output is the file. UPDATE_GOLDEN=1 rewrites
// them; a missing golden is written and the test fails, so a new golden is
// always reviewed before it counts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

export function compareGolden(file: string, got: string, what = file): void {
  if (UPDATE || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, got);
    if (!UPDATE) assert.fail(`wrote new golden file ${file}; review it and rerun`);
    return;
  }
  assert.equal(got, readFileSync(file, 'utf8'), `${what}: output differs from ${file}`);
}

/** One `golden: <name>` test per case: its rendering, colour codes stored as ␛, against `<dir><name>.txt`. */
export function goldenTests<C extends { name: string }>(dir: string, cases: readonly C[], render: (c: C) => string): void {
  for (const c of cases) {
    test(`golden: ${c.name}`, () => {
      const got = render(c).replace(/\u001b/g, '␛');
      compareGolden(`${dir}${c.name}.txt`, got, c.name);
    });
  }
}
