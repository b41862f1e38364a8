// How the tutorial asks the learner things. Three kinds:
// - terminal: a line editor (node:readline) with Up/Down history, the last
//   attempt pre-filled and Tab completion (the REPL's, injected by the CLI,
//   which may depend on the REPL; lessons may not), and @inquirer/prompts for
//   choices;
// - lines: one line of text per question (stdin piped), echoed so a
//   transcript reads like the interactive session;
// - answers: a file with one line per EXERCISE (`--answers FILE`): examples
//   run as written, predictions are shown with their answer, and only the
//   exercises read a line (a query, or empty / `.skip` to skip).

import { currentLang, t as msg } from '../util/messages/index.js';
import { readFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import type { IO } from '../util/io.js';
import { UsageError } from '../errors.js';

export interface Choice {
  name: string;
  value: string;
}

/** Tab completion: the text before the cursor → readline's [candidates, replaced text]. */
export type Completer = (textBeforeCursor: string) => Promise<[string[], string]>;

export interface Prompter {
  /** 'answers': only exercises ask (one line each); the others ask at every prompt. */
  readonly kind: 'terminal' | 'lines' | 'answers';
  /** A line from the learner; `prefill` is offered for editing. undefined when input ends (treated as quit). */
  input(message: string, prefill?: string): Promise<string | undefined>;
  select(message: string, choices: Choice[], defaultValue?: string): Promise<string | undefined>;
  close(): void;
}

/** Ctrl-C / Ctrl-D in a prompt: the learner wants out, not a crash. */
function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

const HISTORY_SIZE = 200;

/** The terminal prompter: readline for lines (history, prefill, completion), inquirer for choices. */
export function terminalPrompter(io: IO, completer?: Completer): Prompter {
  const history: string[] = []; // newest first, as readline keeps it
  const readLine = (message: string, prefill?: string) =>
    new Promise<string | undefined>((resolve) => {
      const rl: Interface = createInterface({
        input: io.stdin,
        output: io.stdout,
        terminal: true,
        history: [...history],
        historySize: HISTORY_SIZE,
        tabSize: 2,
        completer: completer ? (line: string, cb: (err: null, r: [string[], string]) => void) => void completer(line).then((r) => cb(null, r), () => cb(null, [[], line])) : undefined,
      });
      let answered = false;
      rl.on('SIGINT', () => rl.close());
      rl.once('line', (line) => {
        answered = true;
        if (line.trim() !== '' && history[0] !== line) history.unshift(line);
        history.length = Math.min(history.length, HISTORY_SIZE);
        rl.close();
        resolve(line);
      });
      rl.once('close', () => {
        if (!answered) io.out('\n');
        if (!answered) resolve(undefined);
      });
      rl.setPrompt(`${io.style.info('?')} ${message}\n${io.style.bold('›')} `);
      rl.prompt();
      if (prefill) rl.write(prefill);
    });
  return {
    kind: 'terminal',
    input: readLine,
    select: async (message, choices, defaultValue) => {
      const { select } = await import('@inquirer/prompts');
      try {
        const theme = selectTheme(io);
        return await select({ message, choices, default: defaultValue, pageSize: 14, ...(theme ? { theme } : {}) }, { input: io.stdin, output: io.stdout });
      } catch (e) {
        if (isPromptExit(e)) return undefined;
        throw e;
      }
    },
    close: () => {},
  };
}

/**
 * The select prompt's key help ("↑↓ navigate • ⏎ select") in the learner's
 * language; English keeps @inquirer's own.
 */
function selectTheme(io: IO): { style: { keysHelpTip: (keys: [string, string][]) => string } } | undefined {
  if (currentLang() === 'en') return undefined;
  const action = (a: string) => (a === 'navigate' ? msg('prompter.navigate') : a === 'select' ? msg('prompter.select') : a);
  return {
    style: { keysHelpTip: (keys) => keys.map(([key, a]) => `${io.style.bold(key)} ${io.style.dim(action(a))}`).join(io.style.dim(' • ')) },
  };
}

/** Answers read one per line, each question echoed with its answer. For a choice the line may be its number, name or value. */
export function linePrompter(io: IO, nextLine: () => Promise<string | undefined>, close: () => void = () => {}, kind: 'lines' | 'answers' = 'lines'): Prompter {
  return {
    kind,
    input: async (message) => {
      const line = await nextLine();
      io.out(`? ${message} ${line ?? msg('prompter.endOfInput')}\n`);
      return line;
    },
    select: async (message, choices) => {
      for (;;) {
        const line = await nextLine();
        io.out(`? ${message} ${line ?? msg('prompter.endOfInput')}\n`);
        if (line === undefined) return undefined;
        const t = line.trim();
        const byNumber = /^\d+$/.test(t) ? choices[Number(t) - 1] : undefined;
        const found = byNumber ?? choices.find((c) => c.value === t || c.name === t);
        if (found) return found.value;
        io.out(`  ${msg('prompter.chooseOne', { choices: choices.map((c, i) => `${i + 1}) ${c.name}`).join('  ') })}\n`);
      }
    },
    close,
  };
}

/** Lines of an answers file. */
export function fileLines(file: string): () => Promise<string | undefined> {
  let lines: string[];
  try {
    const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
    lines = text === '' ? [] : text.split('\n');
  } catch (e) {
    throw new UsageError(msg('prompter.cannotRead', { file, message: (e as Error).message }));
  }
  let i = 0;
  return async () => (i < lines.length ? lines[i++] : undefined);
}

/** Lines of a stream (piped stdin). */
export function streamLines(stream: NodeJS.ReadableStream): { next: () => Promise<string | undefined>; close: () => void } {
  const rl = createInterface({ input: stream, crlfDelay: Infinity, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  return {
    next: async () => {
      const r = await it.next();
      return r.done ? undefined : r.value;
    },
    close: () => rl.close(),
  };
}

/** The prompter for this session: --answers file (one line per exercise), else the terminal's, else stdin lines. */
export function choosePrompter(io: IO, answersFile?: string, completer?: Completer): Prompter {
  if (answersFile) return linePrompter(io, fileLines(answersFile), () => {}, 'answers');
  if (io.stdinIsTTY && io.isTTY) return terminalPrompter(io, completer);
  const lines = streamLines(io.stdin);
  return linePrompter(io, lines.next, lines.close);
}
