// How the tutorial asks the learner things: @inquirer/prompts in a terminal,
// or one line of text per question when scripted (stdin piped, --answers file),
// so tests, editors and CI drive a lesson the same way a person does.

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { IO } from '../util/io.js';
import { UsageError } from '../errors.js';

interface Choice {
  name: string;
  value: string;
}

export interface Prompter {
  /** A line from the learner; `prefill` is offered for editing. undefined when input ends (treated as quit). */
  input(message: string, prefill?: string): Promise<string | undefined>;
  select(message: string, choices: Choice[]): Promise<string | undefined>;
  close(): void;
}

/** Ctrl-C / Ctrl-D in a prompt: the learner wants out, not a crash. */
function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

function inquirerPrompter(io: IO): Prompter {
  const context = { input: io.stdin, output: io.stdout };
  const guard = async <T>(p: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await p();
    } catch (e) {
      if (isPromptExit(e)) return undefined;
      throw e;
    }
  };
  return {
    input: async (message, prefill) => {
      const { input } = await import('@inquirer/prompts');
      return guard(() => input({ message, default: prefill, prefill: prefill ? 'editable' : undefined }, context));
    },
    select: async (message, choices) => {
      const { select } = await import('@inquirer/prompts');
      return guard(() => select({ message, choices }, context));
    },
    close: () => {},
  };
}

/**
 * Answers read one per line. Each question is echoed with its answer so a
 * transcript reads like the interactive session. For a choice the line may be
 * its number, name or value.
 */
function linePrompter(io: IO, nextLine: () => Promise<string | undefined>, close: () => void = () => {}): Prompter {
  return {
    input: async (message) => {
      const line = await nextLine();
      io.out(`? ${message} ${line ?? '(end of input)'}\n`);
      return line;
    },
    select: async (message, choices) => {
      for (;;) {
        const line = await nextLine();
        io.out(`? ${message} ${line ?? '(end of input)'}\n`);
        if (line === undefined) return undefined;
        const t = line.trim();
        const byNumber = /^\d+$/.test(t) ? choices[Number(t) - 1] : undefined;
        const found = byNumber ?? choices.find((c) => c.value === t || c.name === t);
        if (found) return found.value;
        io.out(`  choose one of: ${choices.map((c, i) => `${i + 1}) ${c.name}`).join('  ')}\n`);
      }
    },
    close,
  };
}

/** Lines of an answers file. */
function fileLines(file: string): () => Promise<string | undefined> {
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  } catch (e) {
    throw new UsageError(`cannot read the answers file ${file}: ${(e as Error).message}`);
  }
  let i = 0;
  return async () => (i < lines.length ? lines[i++] : undefined);
}

/** Lines of a stream (piped stdin). */
function streamLines(stream: NodeJS.ReadableStream): { next: () => Promise<string | undefined>; close: () => void } {
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

/** The prompter for this session: --answers file, else inquirer on a terminal, else stdin lines. */
export function choosePrompter(io: IO, answersFile?: string): Prompter {
  if (answersFile) return linePrompter(io, fileLines(answersFile));
  if (io.stdinIsTTY && io.isTTY) return inquirerPrompter(io);
  const lines = streamLines(io.stdin);
  return linePrompter(io, lines.next, lines.close);
}
