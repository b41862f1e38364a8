// The parsed shape of a lesson file (format: docs/lessons-format.md).
// Every element keeps the 1-based line it came from, so the validator can
// point a lesson author at the exact place of a problem.

export interface Lesson {
  /** From the file name `05-rate.md`: id `rate`, number 5. */
  id: string;
  number: number;
  title: string;
  /** One line shown in the lesson list. */
  summary: string;
  file: string;
  steps: Step[];
}

export interface Step {
  title: string;
  line: number;
  blocks: Block[];
}

export type Block = TextBlock | ExampleBlock | PredictBlock | ExerciseBlock;

interface TextBlock {
  kind: 'text';
  line: number;
  text: string;
}

export interface ExampleBlock {
  kind: 'example';
  line: number;
  query: string;
  /** Evaluation time relative to the end of the data, e.g. `-2h`; default the end. */
  at?: string;
  /** When set, run as a range query over this duration ending at `at` (shown as a chart). */
  range?: string;
}

export interface PredictBlock {
  kind: 'predict';
  line: number;
  question: string;
  choices: string[];
  answer: string;
  explain: string;
}

export interface WrongAnswer {
  line: number;
  query: string;
  feedback: string;
}

export interface ExerciseBlock {
  kind: 'exercise';
  line: number;
  id: string;
  task: string;
  hints: string[];
  answer: string;
  answerLine: number;
  wrong: WrongAnswer[];
  /** Judge at these instants (relative to the data end) instead of over the whole range. */
  at?: string[];
}

/** A mistake in a lesson file or a failed course check, located by file and line. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

export function exercisesOf(lesson: Lesson): ExerciseBlock[] {
  const out: ExerciseBlock[] = [];
  for (const s of lesson.steps) for (const b of s.blocks) if (b.kind === 'exercise') out.push(b);
  return out;
}
