// A strict parser for lesson files (docs/lessons-format.md): Markdown with a
// title, a `summary:` line, `##` steps and three kinds of special fenced
// blocks (promql, predict, exercise). It collects every problem with its line
// rather than stopping at the first, so an author fixes a file in one pass.

import { parseFocus, slugOf, type Block, type ExampleBlock, type ExerciseBlock, type Lesson, type LessonDataset, type PredictBlock, type Problem, type Step, type WrongAnswer } from './model.js';
import { parseDuration, parseRelative } from './time.js';
import { parseAlertExercise } from './alert-exercise.js';
import { t } from '../util/messages/index.js';

interface ParseOutcome {
  lesson?: Lesson;
  problems: Problem[];
}

const FILE_NAME = /^(\d+)-([a-z0-9][a-z0-9-]*)\.md$/;
const EXERCISE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Lesson id and number from a file name such as `05-rate.md`. */
function lessonIdOf(fileName: string): { id: string; number: number } | undefined {
  const m = FILE_NAME.exec(fileName);
  return m ? { id: m[2], number: Number(m[1]) } : undefined;
}

interface Field {
  key: string;
  value: string;
  line: number;
}

class Parser {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}

  problem(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message });
  }

  /** `key: value` lines; lines indented by 2+ spaces continue the previous value. */
  fields(lines: string[], firstLine: number, known: readonly string[]): Field[] {
    const out: Field[] = [];
    lines.forEach((raw, i) => {
      const line = firstLine + i;
      if (raw.trim() === '') return;
      if (/^(\s{2,}|\t)/.test(raw)) {
        const last = out[out.length - 1];
        if (last) last.value += '\n' + raw.trim();
        else this.problem(line, t('validate.continuation'));
        return;
      }
      const m = /^([a-z_]+):(?:\s(.*))?$/.exec(raw);
      if (!m) return this.problem(line, t('validate.expectedField', { line: raw.trim() }));
      if (!known.includes(m[1])) return this.problem(line, t('validate.unknownField', { field: m[1], known: known.join(', ') }));
      out.push({ key: m[1], value: (m[2] ?? '').trim(), line });
    });
    return out;
  }

  /** The one value of a field that must appear exactly once. */
  single(fields: Field[], key: string, blockLine: number): Field | undefined {
    const found = fields.filter((f) => f.key === key);
    if (found.length === 0) this.problem(blockLine, t('validate.missingField', { field: key }));
    if (found.length > 1) this.problem(found[1].line, t('validate.fieldTwice', { field: key }));
    const f = found[0];
    if (f && f.value === '') this.problem(f.line, t('validate.fieldEmpty', { field: key }));
    return f;
  }

  example(info: string[], body: string[], line: number): ExampleBlock {
    const ex: ExampleBlock = { kind: 'example', line, query: body.join('\n').trim() };
    for (const attr of info) {
      const m = /^(at|range|focus)=(.+)$/.exec(attr);
      if (!m) {
        this.problem(line, t('validate.unknownAttribute', { attr }));
      } else if (m[1] === 'focus') {
        if (!parseFocus(m[2])) this.problem(line, t('validate.badFocus', { value: m[2] }));
        ex.focus = m[2];
      } else if (m[1] === 'at') {
        if (parseRelative(m[2]) === undefined) this.problem(line, t('validate.badAt', { value: m[2] }));
        ex.at = m[2];
      } else {
        if (parseDuration(m[2]) === undefined) this.problem(line, t('validate.badRange', { value: m[2] }));
        ex.range = m[2];
      }
    }
    if (ex.query === '') this.problem(line, t('validate.emptyPromql'));
    return ex;
  }

  predict(body: string[], line: number): PredictBlock {
    const fields = this.fields(body, line + 1, ['question', 'choice', 'answer', 'explain']);
    const choices = fields.filter((f) => f.key === 'choice').map((f) => f.value);
    const answer = this.single(fields, 'answer', line)?.value ?? '';
    if (choices.length < 2) this.problem(line, t('validate.twoChoices'));
    if (answer && !choices.includes(answer)) this.problem(line, t('validate.answerNotChoice', { answer }));
    return {
      kind: 'predict',
      line,
      question: this.single(fields, 'question', line)?.value ?? '',
      choices,
      answer,
      explain: this.single(fields, 'explain', line)?.value ?? '',
    };
  }

  exercise(body: string[], line: number): ExerciseBlock {
    const fields = this.fields(body, line + 1, ['id', 'task', 'hint', 'answer', 'wrong', 'feedback', 'at', 'uses', 'avoids']);
    const id = this.single(fields, 'id', line);
    if (id && id.value && !EXERCISE_ID.test(id.value)) this.problem(id.line, t('validate.exerciseId', { id: id.value }));
    const answer = this.single(fields, 'answer', line);
    const ex: ExerciseBlock = {
      kind: 'exercise',
      line,
      id: id?.value ?? '',
      task: this.single(fields, 'task', line)?.value ?? '',
      hints: fields.filter((f) => f.key === 'hint').map((f) => f.value),
      answer: answer?.value ?? '',
      answerLine: answer?.line ?? line,
      wrong: this.wrongAnswers(fields),
    };
    if (ex.hints.length === 0) this.problem(line, t('validate.noHint', { id: ex.id }));
    if (ex.wrong.length === 0) this.problem(line, t('validate.noWrong', { id: ex.id }));
    const at = fields.filter((f) => f.key === 'at');
    if (at.length > 1) this.problem(at[1].line, t('validate.atTwice'));
    if (at[0]) {
      ex.at = at[0].value.split(',').map((s) => s.trim());
      for (const time of ex.at) if (parseRelative(time) === undefined) this.problem(at[0].line, t('validate.badTime', { value: time }));
    }
    for (const key of ['uses', 'avoids'] as const) {
      const given = fields.filter((f) => f.key === key);
      if (given.length > 1) this.problem(given[1].line, t('validate.fieldTwice', { field: key }));
      if (!given[0]) continue;
      ex[key] = given[0].value.split(',').map((s) => s.trim());
      for (const name of ex[key]) if (!METRIC_NAME.test(name)) this.problem(given[0].line, t('validate.metricNames', { key, name }));
    }
    return ex;
  }

  /** Each `wrong:` must be followed by exactly one `feedback:`. */
  wrongAnswers(fields: Field[]): WrongAnswer[] {
    const out: WrongAnswer[] = [];
    fields.forEach((f, i) => {
      const next = fields[i + 1];
      if (f.key === 'wrong') {
        if (next?.key !== 'feedback') this.problem(f.line, t('validate.wrongNeedsFeedback'));
        out.push({ line: f.line, query: f.value, feedback: next?.key === 'feedback' ? next.value : '' });
      } else if (f.key === 'feedback' && fields[i - 1]?.key !== 'wrong') {
        this.problem(f.line, t('validate.feedbackAfterWrong'));
      }
    });
    return out;
  }
}

/** Parses one lesson file's text; `file` is used in problems and to derive the id. */
export function parseLesson(text: string, file: string): ParseOutcome {
  const p = new Parser(file);
  const base = file.split(/[\\/]/).pop() ?? file;
  const ident = lessonIdOf(base);
  if (!ident) p.problem(1, t('validate.fileName', { name: base }));
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i].trim() === '') i++;
  };
  skipBlank();
  const titleMatch = /^# (.+)$/.exec(lines[i] ?? '');
  if (!titleMatch) p.problem(i + 1, t('validate.title'));
  else i++;
  skipBlank();
  const summaryMatch = /^summary: (.+)$/.exec(lines[i] ?? '');
  if (!summaryMatch) p.problem(i + 1, t('validate.summary'));
  else i++;
  const header = datasetHeader(p, lines, i);
  i = header.next;

  const steps = parseSteps(p, lines, i);
  if (steps.length === 0) p.problem(lines.length, t('validate.noSteps'));
  const lesson: Lesson = {
    id: ident?.id ?? base,
    number: ident?.number ?? 0,
    title: titleMatch?.[1].trim() ?? base,
    summary: summaryMatch?.[1].trim() ?? '',
    file,
    steps,
    ...(header.dataset ? { dataset: header.dataset } : {}),
  };
  checkUniqueIds(p, lesson);
  return { lesson: p.problems.length === 0 ? lesson : undefined, problems: p.problems };
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

const DATA_FILE = /^[A-Za-z0-9_-][A-Za-z0-9_./-]*\.(om|txt|prom)(\.gz)?$/;

/** The optional `dataset:` and `variant:` lines after the summary (a lesson on its own recording). */
function datasetHeader(p: Parser, lines: string[], from: number): { dataset?: LessonDataset; next: number } {
  const found: Record<string, { file: string; line: number }> = {};
  let i = from;
  for (; i < lines.length; i++) {
    const m = /^(dataset|variant):(?:\s+(.*))?$/.exec(lines[i]);
    if (!m) {
      if (lines[i].trim() === '') continue;
      break;
    }
    const file = (m[2] ?? '').trim();
    if (found[m[1]]) p.problem(i + 1, t('validate.headerTwice', { key: m[1] }));
    else if (!DATA_FILE.test(file) || file.split('/').includes('..')) {
      p.problem(i + 1, t('validate.badDataFile', { key: m[1], file }));
    }
    found[m[1]] ??= { file, line: i + 1 };
  }
  const { dataset, variant } = found;
  if (variant && !dataset) p.problem(variant.line, t('validate.variantNeedsDataset'));
  return { dataset: dataset ? { ...dataset, ...(variant ? { variant } : {}) } : undefined, next: i };
}

function parseSteps(p: Parser, lines: string[], from: number): Step[] {
  const steps: Step[] = [];
  let text: string[] = [];
  let textLine = from + 1;
  const flushText = () => {
    const body = text.join('\n').trim();
    if (body) {
      const step = steps[steps.length - 1];
      if (step) step.blocks.push({ kind: 'text', line: textLine, text: body });
      else p.problem(textLine, t('validate.textBeforeStep'));
    }
    text = [];
  };
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^## (.+)$/.exec(line);
    const fence = /^```(.*)$/.exec(line);
    if (heading) {
      flushText();
      const { title, id } = stepHeading(heading[1]);
      if (id !== undefined && !EXERCISE_ID.test(id)) p.problem(i + 1, t('validate.stepId', { id }));
      steps.push({ id: uniqueStepId(steps, id ?? slugOf(title)), title, line: i + 1, blocks: [] });
      textLine = i + 2;
    } else if (/^# /.test(line)) {
      p.problem(i + 1, t('validate.oneTitle'));
    } else if (fence) {
      const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
      if (end < 0) {
        p.problem(i + 1, t('validate.unclosed'));
        break;
      }
      const block = specialBlock(p, fence[1].trim(), lines.slice(i + 1, end), i + 1);
      if (block) {
        flushText();
        if (steps.length === 0) p.problem(i + 1, t('validate.blockBeforeStep', { kind: block.kind }));
        else steps[steps.length - 1].blocks.push(block);
        textLine = end + 2;
      } else {
        if (text.length === 0) textLine = i + 1;
        text.push(...lines.slice(i, end + 1));
      }
      i = end;
    } else {
      if (text.length === 0 && line.trim() === '') textLine = i + 2;
      else text.push(line);
    }
  }
  flushText();
  return steps;
}

/**
 * A step heading's title and its explicit id: `## 먼저 rate, 그다음 sum {#rate-first-then-sum}`.
 * A translated title gives no slug of its own, and progress is kept by step id,
 * so a translation names the English step's id.
 */
function stepHeading(text: string): { title: string; id?: string } {
  const m = /^(.*?)\s*\{#([^}]*)\}\s*$/.exec(text);
  return m ? { title: m[1].trim(), id: m[2] } : { title: text.trim() };
}

function uniqueStepId(steps: Step[], slug: string): string {
  let id = slug;
  for (let n = 2; steps.some((s) => s.id === id); n++) id = `${slug}-${n}`;
  return id;
}

/** promql / predict / exercise blocks; undefined for ordinary code (```js, ```sh ...), which stays prose. */
function specialBlock(p: Parser, info: string, body: string[], line: number): Block | undefined {
  const [kind, ...attrs] = info.split(/\s+/);
  if (kind === 'promql') return p.example(attrs, body, line);
  if (kind === 'alert-exercise') return parseAlertExercise(p, body, line);
  if (kind === 'predict' || kind === 'exercise') {
    if (attrs.length > 0) p.problem(line, t('validate.noAttributes', { kind }));
    return kind === 'predict' ? p.predict(body, line) : p.exercise(body, line);
  }
  return undefined;
}

function checkUniqueIds(p: Parser, lesson: Lesson): void {
  const seen = new Set<string>();
  for (const s of lesson.steps) {
    for (const b of s.blocks) {
      if (b.kind !== 'exercise' || !b.id) continue;
      if (seen.has(b.id)) p.problem(b.line, t('validate.exerciseTwice', { id: b.id }));
      seen.add(b.id);
    }
  }
}
