// Executing a parsed template against data, as Go's text/template does:
// pipelines pass their value as the last argument of the next command,
// variables are scoped to their block, range iterates slices and maps
// (sorted keys), missing map keys give the zero value (missingkey=zero).
//
// Execution is async because Prometheus's `query` function asks the backend.

import { lineOf } from './lex.js';
import { commandText, type Arg, type Command, type Node, type ParsedTemplate, type Pipeline } from './parse.js';
import { GoMap, goTypeName, printForTemplate, QuerySample, truth } from './values.js';

export class TemplateExecError extends Error {}

/** A template function: gets evaluated arguments, returns a value or throws Error. */
export type TemplateFunction = (args: unknown[]) => unknown | Promise<unknown>;

/** Functions whose arguments are evaluated lazily (and / or short-circuit). */
const SHORT_CIRCUIT = new Set(['and', 'or']);

class BreakSignal {}
class ContinueSignal {}

interface State {
  tmpl: ParsedTemplate;
  funcs: ReadonlyMap<string, TemplateFunction>;
  vars: Array<Map<string, unknown>>;
  out: string[];
}

function errorAt(st: State, pos: number, node: string, msg: string): TemplateExecError {
  const text = st.tmpl.text;
  // Go shortens the quoted node to 20 bytes (parse.Tree.ErrorContext).
  const what = node.length > 20 ? `${node.slice(0, 20)}...` : node;
  const line = lineOf(text, pos);
  const col = pos - (text.lastIndexOf('\n', pos - 1) + 1);
  return new TemplateExecError(`template: ${st.tmpl.name}:${line}:${col}: executing "${st.tmpl.name}" at <${what}>: ${msg}`);
}

function lookupVar(st: State, name: string): unknown {
  for (let i = st.vars.length - 1; i >= 0; i--) if (st.vars[i]!.has(name)) return st.vars[i]!.get(name);
  return undefined;
}

function setVar(st: State, name: string, v: unknown): void {
  for (let i = st.vars.length - 1; i >= 0; i--) {
    if (st.vars[i]!.has(name)) {
      st.vars[i]!.set(name, v);
      return;
    }
  }
}

function field(st: State, recv: unknown, name: string, pos: number): unknown {
  if (recv instanceof GoMap) return recv.entries.has(name) ? recv.entries.get(name) : recv.zero;
  if (recv instanceof QuerySample) {
    if (name === 'Labels') return recv.Labels;
    if (name === 'Value') return recv.Value;
  } else if (recv !== null && typeof recv === 'object' && !Array.isArray(recv) && Object.hasOwn(recv, name)) {
    return (recv as Record<string, unknown>)[name];
  }
  if (recv === null || recv === undefined) throw errorAt(st, pos, `.${name}`, `nil pointer evaluating interface {}.${name}`);
  throw errorAt(st, pos, `.${name}`, `can't evaluate field ${name} in type ${goTypeName(recv)}`);
}

async function evalArg(st: State, arg: Arg, dot: unknown, final: unknown[] | undefined): Promise<unknown> {
  let v: unknown;
  switch (arg.kind) {
    case 'dot':
      return dot;
    case 'literal':
      return arg.value;
    case 'nil':
      throw errorAt(st, arg.pos, 'nil', 'nil is not a command');
    case 'function':
      return callFunction(st, arg.name, [], dot, final, arg.pos);
    case 'field':
      v = dot;
      break;
    case 'variable':
      v = lookupVar(st, arg.name);
      break;
    case 'pipeline':
      v = await evalPipeline(st, arg.pipe, dot);
      break;
  }
  for (const n of arg.names) v = field(st, v, n, arg.pos);
  return v;
}

async function callFunction(
  st: State,
  name: string,
  argNodes: Arg[],
  dot: unknown,
  final: unknown[] | undefined,
  pos: number,
  node = name,
): Promise<unknown> {
  const fn = st.funcs.get(name);
  if (!fn) throw errorAt(st, pos, node, `"${name}" is not a defined function`);
  if (SHORT_CIRCUIT.has(name)) {
    const all = [...argNodes.map((a) => () => evalArg(st, a, dot, undefined)), ...(final ?? []).map((f) => () => Promise.resolve(f))];
    if (all.length === 0) throw errorAt(st, pos, node, `wrong number of args for ${name}: want at least 1 got 0`);
    let v: unknown;
    for (const get of all) {
      v = await get();
      if (name === 'and' ? !truth(v) : truth(v)) return v;
    }
    return v;
  }
  const args: unknown[] = [];
  for (const a of argNodes) args.push(await evalArg(st, a, dot, undefined));
  if (final) args.push(...final);
  try {
    return await fn(args);
  } catch (e) {
    if (e instanceof TemplateExecError) throw e;
    throw errorAt(st, pos, node, `error calling ${name}: ${(e as Error).message}`);
  }
}

async function evalCommand(st: State, cmd: Command, dot: unknown, final: unknown[] | undefined): Promise<unknown> {
  const [first, ...rest] = cmd.args;
  if (first!.kind === 'function') return callFunction(st, first!.name, rest, dot, final, first!.pos, commandText(cmd));
  if (rest.length > 0 || final) {
    const what = first!.kind === 'field' ? '.' + first!.names.join('.') : first!.kind === 'variable' ? first!.name : 'value';
    throw errorAt(st, cmd.pos, what, `can't give argument to non-function ${what}`);
  }
  return evalArg(st, first!, dot, undefined);
}

async function evalPipeline(st: State, pipe: Pipeline, dot: unknown): Promise<unknown> {
  let v: unknown;
  let final: unknown[] | undefined;
  for (const cmd of pipe.cmds) {
    v = await evalCommand(st, cmd, dot, final);
    final = [v];
  }
  if (pipe.vars.length === 1) {
    if (pipe.assign) setVar(st, pipe.vars[0]!, v);
    else st.vars[st.vars.length - 1]!.set(pipe.vars[0]!, v);
  }
  return v;
}

async function evalRange(st: State, node: Extract<Node, { kind: 'range' }>, dot: unknown): Promise<void> {
  st.vars.push(new Map());
  try {
    // The range value: evaluate the commands without binding the declared variables.
    const val = await evalPipeline(st, { ...node.pipe, vars: [] }, dot);
    let items: Array<[unknown, unknown]>;
    if (Array.isArray(val)) items = val.map((x, i) => [BigInt(i), x]);
    else if (val instanceof GoMap) items = [...val.entries.keys()].sort().map((k) => [k, val.entries.get(k)]);
    else if (typeof val === 'bigint') items = Array.from({ length: Number(val) }, (_, i) => [BigInt(i), BigInt(i)]);
    else if (val === null || val === undefined) items = [];
    else throw errorAt(st, node.pos, 'range', `range can't iterate over ${printForTemplate(val)}`);
    if (items.length === 0) {
      if (node.elseList) await execList(st, node.elseList, dot);
      return;
    }
    for (const [k, elem] of items) {
      const scope = new Map<string, unknown>();
      if (node.pipe.vars.length === 1) scope.set(node.pipe.vars[0]!, elem);
      if (node.pipe.vars.length === 2) scope.set(node.pipe.vars[0]!, k).set(node.pipe.vars[1]!, elem);
      st.vars.push(scope);
      try {
        await execList(st, node.list, elem);
      } catch (e) {
        if (e instanceof BreakSignal) break;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        st.vars.pop();
      }
    }
  } finally {
    st.vars.pop();
  }
}

async function execList(st: State, list: Node[], dot: unknown): Promise<void> {
  for (const node of list) {
    switch (node.kind) {
      case 'text':
        st.out.push(node.text);
        break;
      case 'action': {
        const v = await evalPipeline(st, node.pipe, dot);
        if (node.pipe.vars.length === 0) st.out.push(printForTemplate(v));
        break;
      }
      case 'if':
      case 'with': {
        st.vars.push(new Map());
        try {
          const v = await evalPipeline(st, node.pipe, dot);
          if (truth(v)) await execList(st, node.list, node.kind === 'with' ? v : dot);
          else if (node.elseList) await execList(st, node.elseList, dot);
        } finally {
          st.vars.pop();
        }
        break;
      }
      case 'range':
        await evalRange(st, node, dot);
        break;
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }
}

/** Runs the template with `data` as dot (and $); returns the output text. */
export async function executeTemplate(tmpl: ParsedTemplate, data: unknown, funcs: ReadonlyMap<string, TemplateFunction>): Promise<string> {
  const st: State = { tmpl, funcs, vars: [new Map([['$', data]])], out: [] };
  await execList(st, tmpl.root, data);
  return st.out.join('');
}
