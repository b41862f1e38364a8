// The parser of Go's text/template (the part alert templates use): text,
// {{pipeline}} actions with variables, if / else if / else, range (with
// $i, $e := and else), with / else with, break and continue. Functions are
// checked at parse time, as Go does ("function "x" not defined").
//
// {{define}}, {{template}} and {{block}} are not supported: Prometheus rule
// templates cannot reach other named templates, so they only appear by mistake.

import { lexTemplate, lineOf, TemplateParseError, type ActionToken, type Piece } from './lex.js';
import { t } from '../../util/messages/index.js';

export type Arg =
  | { kind: 'field'; names: string[]; pos: number } // .Labels.job (on dot)
  | { kind: 'variable'; name: string; names: string[]; pos: number } // $labels.job
  | { kind: 'function'; name: string; pos: number }
  | { kind: 'dot'; pos: number }
  | { kind: 'literal'; value: unknown; text: string; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'pipeline'; pipe: Pipeline; names: string[]; pos: number }; // (pipe).Field

export interface Command {
  args: Arg[];
  pos: number;
}

/** A node as Go's parse package prints it (error messages quote the command: at <humanize "x">). */
export function argText(a: Arg): string {
  switch (a.kind) {
    case 'field':
      return '.' + a.names.join('.');
    case 'variable':
      return a.name + a.names.map((n) => '.' + n).join('');
    case 'function':
      return a.name;
    case 'dot':
      return '.';
    case 'literal':
      return a.text;
    case 'nil':
      return 'nil';
    case 'pipeline':
      return `(${pipelineText(a.pipe)})` + a.names.map((n) => '.' + n).join('');
  }
}

export function commandText(c: Command): string {
  return c.args.map(argText).join(' ');
}

export function pipelineText(p: Pipeline): string {
  const decl = p.vars.length ? `${p.vars.join(', ')} ${p.assign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(commandText).join(' | ');
}

export interface Pipeline {
  /** Declared or assigned variables ($x := / $x =). */
  vars: string[];
  assign: boolean;
  cmds: Command[];
  pos: number;
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline; pos: number }
  | { kind: 'if' | 'with'; pipe: Pipeline; list: Node[]; elseList?: Node[]; pos: number }
  | { kind: 'range'; pipe: Pipeline; list: Node[]; elseList?: Node[]; pos: number }
  | { kind: 'break' | 'continue'; pos: number };

export interface ParsedTemplate {
  name: string;
  text: string;
  root: Node[];
}

class TemplateParser {
  private i = 0;
  private vars: string[][] = [['$']];
  private rangeDepth = 0;
  constructor(
    private readonly pieces: Piece[],
    private readonly text: string,
    private readonly name: string,
    private readonly isFunction: (name: string) => boolean,
  ) {}

  fail(pos: number, msg: string): never {
    throw new TemplateParseError(this.name, lineOf(this.text, pos), msg);
  }

  /** Parses nodes until one of the `stops` keywords ({{end}}, {{else}}); returns the stop seen. */
  parseList(stops: string[]): { list: Node[]; stop?: { word: string; tokens: ActionToken[]; pos: number } } {
    const list: Node[] = [];
    while (this.i < this.pieces.length) {
      const piece = this.pieces[this.i++]!;
      if (piece.kind === 'text') {
        list.push({ kind: 'text', text: piece.text });
        continue;
      }
      const toks = piece.tokens;
      if (toks.length === 0) this.fail(piece.pos, 'missing value for command');
      const head = toks[0]!;
      const word = head.type === 'identifier' ? head.value : '';
      if (word === 'end' || word === 'else') {
        if (!stops.includes(word)) this.fail(piece.pos, `unexpected {{${word}}}`);
        return { list, stop: { word, tokens: toks.slice(1), pos: piece.pos } };
      }
      if (word === 'if' || word === 'with' || word === 'range') list.push(this.parseControl(word, toks.slice(1), piece.pos));
      else if (word === 'break' || word === 'continue') {
        if (this.rangeDepth === 0) this.fail(piece.pos, `{{${word}}} outside {{range}}`);
        if (toks.length > 1) this.fail(piece.pos, `unexpected ${toks[1]!.value} in {{${word}}}`);
        list.push({ kind: word, pos: piece.pos });
      } else if (word === 'define' || word === 'template' || word === 'block') {
        this.fail(piece.pos, t('rules.templateUnsupported', { word }));
      } else list.push({ kind: 'action', pipe: this.parsePipeline(toks, piece.pos, true), pos: piece.pos });
    }
    if (stops.length) this.fail(this.text.length, 'unexpected EOF');
    return { list };
  }

  private parseControl(word: 'if' | 'with' | 'range', toks: ActionToken[], pos: number): Node {
    if (toks.length === 0) this.fail(pos, `missing value for ${word}`);
    this.vars.push([]);
    const pipe = this.parsePipeline(toks, pos, word === 'range' ? 'range' : true);
    if (word === 'range') this.rangeDepth++;
    const body = this.parseList(['end', 'else']);
    if (word === 'range') this.rangeDepth--;
    this.vars.pop();
    let elseList: Node[] | undefined;
    if (body.stop!.word === 'else') {
      const rest = body.stop!.tokens;
      // {{else if ...}} / {{else with ...}}: a nested control ending at the same {{end}}.
      if (rest.length && rest[0]!.type === 'identifier' && (rest[0]!.value === 'if' || rest[0]!.value === 'with') && word !== 'range') {
        elseList = [this.parseControl(rest[0]!.value as 'if' | 'with', rest.slice(1), body.stop!.pos)];
      } else {
        if (rest.length) this.fail(body.stop!.pos, `unexpected ${rest[0]!.value} in else`);
        this.vars.push([]);
        const e = this.parseList(['end']);
        this.vars.pop();
        elseList = e.list;
      }
    } else if (body.stop!.tokens.length) this.fail(body.stop!.pos, `unexpected ${body.stop!.tokens[0]!.value} in end`);
    return { kind: word, pipe, list: body.list, elseList, pos };
  }

  parsePipeline(toks: ActionToken[], pos: number, ctx: true | 'range'): Pipeline {
    let k = 0;
    const vars: string[] = [];
    let assign = false;
    // $x := / $x, $y := (range only) / $x =
    const declEnd = toks.findIndex((t) => t.type === 'declare' || t.type === 'assign');
    if (declEnd > 0 && toks.slice(0, declEnd).every((t, j) => (j % 2 === 0 ? t.type === 'variable' : t.type === 'comma'))) {
      for (let j = 0; j < declEnd; j += 2) vars.push(toks[j]!.value);
      if (vars.length > 2 || (vars.length === 2 && ctx !== 'range')) this.fail(pos, 'too many declarations in command');
      assign = toks[declEnd]!.type === 'assign';
      if (assign) for (const v of vars) if (!this.hasVar(v)) this.fail(pos, `undefined variable "${v}"`);
      k = declEnd + 1;
    }
    const cmds: Command[] = [];
    let cur: Arg[] = [];
    let cmdPos = toks[k]?.pos ?? pos;
    const body = toks.slice(k);
    for (let j = 0; j < body.length;) {
      const t = body[j]!;
      if (t.type === 'pipe') {
        if (cur.length === 0) this.fail(t.pos, 'missing command');
        cmds.push({ args: cur, pos: cmdPos });
        cur = [];
        j++;
        cmdPos = body[j]?.pos ?? t.pos;
        continue;
      }
      const { arg, next } = this.parseArg(body, j);
      cur.push(arg);
      j = next;
    }
    if (cur.length) cmds.push({ args: cur, pos: cmdPos });
    else if (cmds.length) this.fail(pos, 'missing command');
    if (cmds.length === 0) this.fail(pos, 'missing value for command');
    // Declared variables become visible after the pipeline.
    if (!assign) this.vars[this.vars.length - 1]!.push(...vars);
    return { vars, assign, cmds, pos };
  }

  private hasVar(name: string): boolean {
    return this.vars.some((scope) => scope.includes(name));
  }

  /** One operand, with the field chain that follows it without spaces. */
  private parseArg(toks: ActionToken[], j: number): { arg: Arg; next: number } {
    const t = toks[j]!;
    let arg: Arg;
    let next = j + 1;
    switch (t.type) {
      case 'field':
        arg = { kind: 'field', names: [t.value], pos: t.pos };
        break;
      case 'variable':
        if (!this.hasVar(t.value)) this.fail(t.pos, `undefined variable "${t.value}"`);
        arg = { kind: 'variable', name: t.value, names: [], pos: t.pos };
        break;
      case 'dot':
        arg = { kind: 'dot', pos: t.pos };
        break;
      case 'string':
        arg = { kind: 'literal', value: t.value, text: JSON.stringify(t.value), pos: t.pos };
        break;
      case 'char':
        arg = { kind: 'literal', value: BigInt(t.value.codePointAt(0) ?? 0), text: t.value, pos: t.pos };
        break;
      case 'number':
        arg = { kind: 'literal', value: parseNumber(t.value, (m) => this.fail(t.pos, m)), text: t.value, pos: t.pos };
        break;
      case 'identifier':
        if (t.value === 'true' || t.value === 'false') arg = { kind: 'literal', value: t.value === 'true', text: t.value, pos: t.pos };
        else if (t.value === 'nil') arg = { kind: 'nil', pos: t.pos };
        else {
          if (!this.isFunction(t.value)) this.fail(t.pos, `function "${t.value}" not defined`);
          arg = { kind: 'function', name: t.value, pos: t.pos };
        }
        break;
      case 'lparen': {
        let depth = 1;
        let e = j + 1;
        while (e < toks.length && depth > 0) {
          if (toks[e]!.type === 'lparen') depth++;
          if (toks[e]!.type === 'rparen') depth--;
          e++;
        }
        const inner = toks.slice(j + 1, e - 1);
        this.vars.push([]);
        const pipe = this.parsePipeline(inner, t.pos, true);
        this.vars.pop();
        arg = { kind: 'pipeline', pipe, names: [], pos: t.pos };
        next = e;
        break;
      }
      default:
        this.fail(t.pos, `unexpected ${JSON.stringify(t.value)} in operand`);
    }
    // A field chain glued to the operand: $labels.job, (x).Value, .Labels.job
    while (next < toks.length && toks[next]!.type === 'field' && glued(toks[next - 1]!, toks[next]!)) {
      if (arg.kind === 'field' || arg.kind === 'variable' || arg.kind === 'pipeline') arg.names.push(toks[next]!.value);
      else this.fail(toks[next]!.pos, `unexpected . after term ${JSON.stringify(toks[next - 1]!.value)}`);
      next++;
    }
    return { arg, next };
  }
}

function glued(prev: ActionToken, cur: ActionToken): boolean {
  const len = prev.type === 'field' ? prev.value.length + 1 : prev.type === 'rparen' ? 1 : prev.value.length;
  return prev.pos + len === cur.pos;
}

/** Go template numbers: integers are int (bigint here), the rest float64. */
function parseNumber(s: string, fail: (m: string) => never): unknown {
  const clean = s.replace(/_/g, '');
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|\d+)$/.test(clean)) {
    const neg = clean.startsWith('-');
    const body = clean.replace(/^[+-]/, '');
    const v = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
    return neg ? -v : v;
  }
  const f = Number(clean);
  if (!Number.isFinite(f)) fail(`illegal number syntax: ${JSON.stringify(s)}`);
  return f;
}

/** Parses a template; throws TemplateParseError with Go's message shape. */
export function parseTemplate(text: string, name: string, isFunction: (name: string) => boolean): ParsedTemplate {
  const pieces = lexTemplate(text, name);
  const p = new TemplateParser(pieces, text, name, isFunction);
  const { list } = p.parseList([]);
  return { name, text, root: list };
}
