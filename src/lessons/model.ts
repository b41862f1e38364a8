// The parsed shape of a lesson file (format: docs/lessons-format.md).
// Every element keeps the 1-based line it came from, so the validator can
// point a lesson author at the exact place of a problem.

import type { Metric } from '../model/result.js';

export interface Lesson {
  /** From the file name `05-rate.md`: id `rate`, number 5. */
  id: string;
  number: number;
  title: string;
  /** One line shown in the lesson list. */
  summary: string;
  file: string;
  steps: Step[];
  /** The `dataset:` header: the lesson runs on this recording instead of the sample (src/lessons/dataset.ts). */
  dataset?: LessonDataset;
}

/** A lesson's own data: files relative to the lessons folder, resolved by load.ts. */
export interface LessonDataset {
  file: string;
  line: number;
  /** Absolute path (set when the course is loaded). */
  path?: string;
  /** The judge's second world: the same kind of session with the incidents elsewhere (`variant:`). */
  variant?: { file: string; line: number; path?: string };
}

export interface Step {
  /** From the title (`rate-first-then-sum`); progress resumes by it, so edits elsewhere in a lesson do not move learners. */
  id: string;
  title: string;
  line: number;
  blocks: Block[];
}

export type Block = TextBlock | ExampleBlock | PredictBlock | ExerciseBlock | AlertExerciseBlock;

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
  /** `label=value[,label=value]`: show only the series the step is about (e.g. `focus=instance=frontend-2:3000`). */
  focus?: string;
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
  /** Metric names the answer must read (`uses:`), and must not (`avoids:`): src/lessons/metric-use.ts. */
  uses?: string[];
  avoids?: string[];
}

/** An exercise judged on the alert timeline: the answer is `EXPR for DURATION` (src/lessons/alert-exercise.ts). */
export interface AlertExerciseBlock {
  kind: 'alert-exercise';
  line: number;
  id: string;
  task: string;
  hints: string[];
  answer: string;
  answerLine: number;
  wrong: WrongAnswer[];
}

/** `label=value` pairs; a series matches when it has every one. */
export function parseFocus(focus: string): Metric | undefined {
  const out: Metric = {};
  for (const part of focus.split(',')) {
    const m = /^([a-zA-Z_][a-zA-Z0-9_]*)=("?)([^"]*)\2$/.exec(part.trim());
    if (!m) return undefined;
    out[m[1]] = m[3];
  }
  return out;
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

/** A step id from its title: lowercase words joined by dashes. */
export function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'step';
}
