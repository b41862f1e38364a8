// The layer order of src/ (see ARCHITECTURE.md), enforced: every import —
// static, re-export or dynamic import() — goes from a folder to one of a lower
// rank (or within its own folder), and no two files import each other in a
// cycle. Folders of equal rank do not import each other.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = join(ROOT, 'src');

/** Low to high. A folder may import from its own folder and from lower ranks only. */
export const RANKS: ReadonlyArray<readonly string[]> = [
  ['util'],
  ['model', 'histogram'],
  ['promql'],
  ['storage'],
  ['dataset'],
  ['engine'],
  ['backends'],
  ['render'],
  ['explain', 'scrape', 'rules'],
  ['serve', 'demo', 'lessons', 'alertmanager'],
  ['repl'],
  ['cli'],
];

const RANK_OF = new Map<string, number>(RANKS.flatMap((names, rank) => names.map((n) => [n, rank] as const)));

interface Edge {
  from: string;
  to: string;
  /** Erased at compile time (import type / all specifiers `type`). */
  typeOnly: boolean;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/**
 * The source without its comments (strings kept), so that an import written in
 * a comment does not count. Reading imports this way, rather than with the
 * TypeScript compiler, keeps this test fast.
 */
export function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && /[(,=:[!&|?{};]$|^$/.test(out.trimEnd().slice(-1))) {
      // A regex literal (it may hold quotes or //): skip to its closing slash.
      let j = i + 1;
      let inClass = false;
      while (j < src.length && (inClass || src[j] !== '/') && src[j] !== '\n') {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      out += ' ';
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SPEC = `['"]([^'"]+)['"]`;
const IMPORT_FROM = new RegExp(`\\bimport\\s+(type\\s+)?([\\w*{}\\s,$]+?)\\s+from\\s*${SPEC}`, 'g');
const SIDE_EFFECT_IMPORT = new RegExp(`\\bimport\\s*${SPEC}`, 'g');
const EXPORT_FROM = new RegExp(`\\bexport\\s+(type\\s+)?(\\*(?:\\s+as\\s+\\w+)?|\\{[^}]*\\})\\s*from\\s*${SPEC}`, 'g');
const DYNAMIC_IMPORT = new RegExp(`\\bimport\\(\\s*${SPEC}\\s*\\)`, 'g');

/** `{ type A, type B }`: every specifier is a type, so the import is erased. */
function allTypeSpecifiers(clause: string): boolean {
  const m = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!m) return false;
  const names = m[1]!
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

export function importsOf(source: string): Array<{ spec: string; typeOnly: boolean }> {
  const code = stripComments(source);
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of code.matchAll(IMPORT_FROM)) found.push({ spec: m[3]!, typeOnly: Boolean(m[1]) || allTypeSpecifiers(m[2]!) });
  for (const m of code.matchAll(SIDE_EFFECT_IMPORT)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of code.matchAll(EXPORT_FROM)) found.push({ spec: m[3]!, typeOnly: Boolean(m[1]) || allTypeSpecifiers(m[2]!) });
  for (const m of code.matchAll(DYNAMIC_IMPORT)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** src-relative path of an import target, or undefined for packages and node: modules. */
function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const abs = resolve(dirname(from), spec).replace(/\.js$/, '.ts');
  return relative(SRC, abs);
}

function allEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
      const to = resolveSpec(file, spec);
      if (to !== undefined) edges.push({ from: relative(SRC, file), to, typeOnly });
    }
  }
  return edges;
}

/** Files at src/'s root and the layer they belong to: errors are util-level, used by every layer. */
const ROOT_FILES: Record<string, string> = { 'errors.ts': 'util' };

/** The layer a src-relative file belongs to: its top folder (or ROOT_FILES for a file at src/'s root). */
function layerOf(file: string): string {
  const top = file.split(/[\\/]/)[0]!;
  return ROOT_FILES[top] ?? top;
}

const EDGES = allEdges();

test('every folder of src/ has a rank', () => {
  const files = sourceFiles(SRC).map((f) => relative(SRC, f));
  const unranked = [...new Set(files.map(layerOf))].filter((l) => !RANK_OF.has(l));
  assert.deepEqual(unranked, [], `add these to RANKS in test/architecture/layers.test.ts and ARCHITECTURE.md: ${unranked.join(', ')}`);
});

test('imports go from higher layers to lower ones only', () => {
  const bad: string[] = [];
  for (const e of EDGES) {
    const [fromLayer, toLayer] = [layerOf(e.from), layerOf(e.to)];
    if (fromLayer === toLayer) continue;
    const [fromRank, toRank] = [RANK_OF.get(fromLayer), RANK_OF.get(toLayer)];
    if (fromRank === undefined || toRank === undefined) continue; // reported above
    if (toRank >= fromRank) {
      bad.push(`src/${e.from} (${fromLayer}, rank ${fromRank}) imports src/${e.to} (${toLayer}, rank ${toRank})`);
    }
  }
  if (bad.length > 0) assert.fail(`imports against the layer order (see ARCHITECTURE.md):\n  ${bad.join('\n  ')}`);
});

/** Cycles (as file lists) among the edges, one per strongly connected component (Tarjan). */
export function findCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const strongConnect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort()) if (!index.has(v)) strongConnect(v);
  return cycles;
}

test('no import cycles between files that run (type-only imports aside)', () => {
  const cycles = findCycles(EDGES.filter((e) => !e.typeOnly));
  if (cycles.length > 0) assert.fail(`files that import each other at run time:\n  ${cycles.map((c) => c.join(' <-> ')).join('\n  ')}`);
});

test('imports are read from static, re-export and dynamic forms, not from comments', () => {
  const src = [
    "import type { A } from './a.js';",
    "import { type B, type C } from './b.js';",
    "import { d, type E } from './d.js';",
    "import * as f from './f.js';",
    "import './side.js';",
    "export { g } from './g.js';",
    "export type { H } from './h.js';",
    "// import { no } from './comment.js';",
    "/* import('./block.js') */",
    "const url = 'http://x'; const m = await import('./lazy.js');",
  ].join('\n');
  assert.deepEqual(
    importsOf(src).sort((x, y) => (x.spec < y.spec ? -1 : 1)),
    [
      { spec: './a.js', typeOnly: true },
      { spec: './b.js', typeOnly: true },
      { spec: './d.js', typeOnly: false },
      { spec: './f.js', typeOnly: false },
      { spec: './g.js', typeOnly: false },
      { spec: './h.js', typeOnly: true },
      { spec: './lazy.js', typeOnly: false },
      { spec: './side.js', typeOnly: false },
    ],
  );
});

test('the cycle finder finds a cycle through a dynamic import', () => {
  const cycles = findCycles([
    { from: 'cli/a.ts', to: 'cli/b.ts', typeOnly: false },
    { from: 'cli/b.ts', to: 'cli/c.ts', typeOnly: false },
    { from: 'cli/c.ts', to: 'cli/a.ts', typeOnly: false },
    { from: 'cli/c.ts', to: 'util/d.ts', typeOnly: false },
  ]);
  assert.deepEqual(cycles, [['cli/a.ts', 'cli/b.ts', 'cli/c.ts']]);
});
