// Reading YAML documents with positions: the `yaml` package's document API
// and a LineCounter give every node its line:column, so each problem in a
// rule file, a promtool test file or an Alertmanager configuration can be
// reported as FILE:LINE:COL, the way promtool reports rule files.
//
// The readers collect problems in a list instead of stopping at the first,
// as promtool does; strict mode reports unknown fields with yaml.v3's words
// ("field foo not found in type rulefmt.Rule").

import { PROMTOOL } from './promtool-words.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export interface Position {
  line: number;
  col: number;
}

export interface Problem extends Position {
  message: string;
  /** A PromQL expression the message is about, with the byte range to underline. */
  query?: { text: string; start: number; end: number };
  /** Our advice for a PromQL error (src/promql/hints.ts), in the learner's language, as `query` gives it. */
  hint?: string;
}

export class YamlReader {
  readonly problems: Problem[] = [];
  readonly lc = new LineCounter();
  readonly doc: Document;

  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lc, keepSourceTokens: true, uniqueKeys: true, prettyErrors: false });
    for (const e of this.doc.errors) {
      const p = this.lc.linePos(e.pos[0]);
      this.problems.push({ line: p.line, col: p.col, message: `yaml: ${e.message.split('\n')[0]}` });
    }
  }

  get ok(): boolean {
    return this.doc.errors.length === 0;
  }

  pos(node: Node | Pair | null | undefined): Position {
    const n = node && 'range' in node ? node : node && 'key' in node ? (node.key as Node | null) : undefined;
    const offset = n?.range?.[0] ?? 0;
    const p = this.lc.linePos(offset);
    return { line: p.line, col: p.col };
  }

  add(node: Node | Pair | null | undefined, message: string, query?: Problem['query'], hint?: string): void {
    this.problems.push({ ...this.pos(node), message, query, ...(hint === undefined ? {} : { hint }) });
  }

  /** A mapping's pairs by key; unknown keys are problems ("field x not found in type T"). */
  fields(node: unknown, typeName: string, known: readonly string[]): Map<string, Pair<Node, Node | null>> {
    const out = new Map<string, Pair<Node, Node | null>>();
    if (node === null || node === undefined) return out;
    if (!isMap(node)) {
      this.add(node as Node, PROMTOOL.cannotUnmarshal(yamlKind(node), typeName));
      return out;
    }
    for (const pair of (node as YAMLMap<Node, Node | null>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!known.includes(key)) {
        this.add(pair.key, PROMTOOL.unknownField(key, typeName));
        continue;
      }
      out.set(key, pair);
    }
    return out;
  }

  /** The items of a sequence (null: none). */
  seq(node: Node | null | undefined, what: string): Node[] {
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.add(node, PROMTOOL.cannotUnmarshal(yamlKind(node), what));
      return [];
    }
    return (node as YAMLSeq<Node>).items;
  }

  /** A string field: scalars of any kind read as their text (Go's yaml decodes 1 into "1"). */
  str(pair: Pair<Node, Node | null> | undefined, typeName = 'string'): string | undefined {
    const v = pair?.value;
    if (v === null || v === undefined) return undefined;
    if (!isScalar(v)) {
      this.add(v, PROMTOOL.cannotUnmarshal(yamlKind(v), typeName));
      return undefined;
    }
    if (v.value === null) return undefined;
    if (typeof v.value === 'string') return v.value;
    return v.srcToken && 'source' in v.srcToken ? String(v.srcToken.source) : String(v.value);
  }

  int(pair: Pair<Node, Node | null> | undefined): number | undefined {
    const v = pair?.value;
    if (v === null || v === undefined) return undefined;
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value)) return v.value;
    this.add(v, PROMTOOL.cannotUnmarshal(`${yamlKind(v)} \`${this.str(pair) ?? ''}\``, 'int'));
    return undefined;
  }

  bool(pair: Pair<Node, Node | null> | undefined): boolean | undefined {
    const v = pair?.value;
    if (v === null || v === undefined) return undefined;
    if (isScalar(v) && typeof v.value === 'boolean') return v.value;
    this.add(v, PROMTOOL.cannotUnmarshal(yamlKind(v), 'bool'));
    return undefined;
  }

  /** A map of strings (labels, annotations), with the value node of each key. */
  stringMap(pair: Pair<Node, Node | null> | undefined, what = 'map[string]string'): Map<string, { value: string; node: Node }> {
    const out = new Map<string, { value: string; node: Node }>();
    const v = pair?.value;
    if (v === null || v === undefined || (isScalar(v) && v.value === null)) return out;
    if (!isMap(v)) {
      this.add(v, PROMTOOL.cannotUnmarshal(yamlKind(v), what));
      return out;
    }
    for (const p of (v as YAMLMap<Node, Node | null>).items) {
      const key = isScalar(p.key) ? String(p.key.value) : '';
      const value = this.str(p as Pair<Node, Node | null>) ?? '';
      out.set(key, { value, node: (p.value ?? p.key) as Node });
    }
    return out;
  }
}

export function yamlKind(n: unknown): string {
  if (isMap(n)) return '!!map';
  if (isSeq(n)) return '!!seq';
  if (isScalar(n)) {
    const v = n.value;
    return typeof v === 'number'
      ? Number.isInteger(v)
        ? '!!int'
        : '!!float'
      : typeof v === 'boolean'
        ? '!!bool'
        : v === null
          ? '!!null'
          : '!!str';
  }
  return 'value';
}

/** Formats problems as FILE:LINE:COL: message, sorted by position. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
