// A translated course (lessons/ko/) against its English source: the same
// lessons, the same steps with the same ids (progress is kept by step id, and
// is shared between languages), and the same machine-read content in every
// step: example queries and where they run, predictions' choices and answer,
// exercises' ids, reference answers, wrong answers, judging times and hint
// skeletons. Only prose, titles, tasks, hints before the skeleton and
// feedback are the translator's. A mismatch names the lesson, step and field.

import type { Block, Lesson, Problem, Step } from './model.js';

type Special = Exclude<Block, { kind: 'text' }>;

export function translationProblems(source: Lesson[], translated: Lesson[], lang: string): Problem[] {
  const out: Problem[] = [];
  const byNumber = new Map(translated.map((l) => [l.number, l]));
  for (const en of source) {
    const tr = byNumber.get(en.number);
    if (!tr) {
      out.push({ file: en.file, line: 1, message: `lesson ${en.number} (${en.id}) has no ${lang} translation` });
      continue;
    }
    byNumber.delete(en.number);
    out.push(...lessonProblems(en, tr));
  }
  for (const tr of byNumber.values()) out.push({ file: tr.file, line: 1, message: `lesson ${tr.number} (${tr.id}) has no English original` });
  return out;
}

function lessonProblems(en: Lesson, tr: Lesson): Problem[] {
  const out: Problem[] = [];
  const at = (line: number, message: string) => out.push({ file: tr.file, line, message });
  const lessonName = `lesson ${en.number} (${en.id})`;
  if (tr.id !== en.id) at(1, `${lessonName}: the file is named for "${tr.id}", the English one for "${en.id}"`);
  for (const key of ['file', 'variant'] as const) {
    const a = key === 'file' ? en.dataset?.file : en.dataset?.variant?.file;
    const b = key === 'file' ? tr.dataset?.file : tr.dataset?.variant?.file;
    if (a !== b) at(tr.dataset?.line ?? 1, `${lessonName}: ${key === 'file' ? 'dataset' : 'variant'}: ${show(b)}, in English ${show(a)}`);
  }
  if (tr.steps.length !== en.steps.length) at(tr.steps[0]?.line ?? 1, `${lessonName}: ${tr.steps.length} steps, in English ${en.steps.length}`);
  en.steps.forEach((enStep, i) => {
    const trStep = tr.steps[i];
    if (!trStep) return;
    const where = `${lessonName}, step ${i + 1} (${enStep.id})`;
    if (trStep.id !== enStep.id) at(trStep.line, `${where}: step id "${trStep.id}" (name it in the heading: ## ${trStep.title} {#${enStep.id}})`);
    for (const m of stepProblems(enStep, trStep)) at(m.line, `${where}: ${m.message}`);
  });
  return out;
}

function stepProblems(en: Step, tr: Step): { line: number; message: string }[] {
  const a = specials(en);
  const b = specials(tr);
  const kinds = (bs: Special[]) => bs.map((x) => x.kind).join(', ') || 'none';
  if (kinds(a) !== kinds(b)) return [{ line: tr.line, message: `blocks: ${kinds(b)}; in English ${kinds(a)}` }];
  return a.flatMap((x, i) => blockProblems(x, b[i]).map((message) => ({ line: b[i].line, message })));
}

function specials(step: Step): Special[] {
  return step.blocks.filter((b): b is Special => b.kind !== 'text');
}

/** The fields of a block that programs read, each compared with the English. */
function blockProblems(en: Special, tr: Special): string[] {
  const out: string[] = [];
  const same = (field: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${field}: ${show(b)}, in English ${show(a)}`);
  };
  if (en.kind === 'example' && tr.kind === 'example') {
    const name = `example \`${oneLine(en.query)}\``;
    same(`${name}: the query`, en.query, tr.query);
    same(`${name}: the at= attribute`, en.at, tr.at);
    same(`${name}: the range= attribute`, en.range, tr.range);
    same(`${name}: the focus= attribute`, en.focus, tr.focus);
  } else if (en.kind === 'predict' && tr.kind === 'predict') {
    same('predict: the number of choices', en.choices.length, tr.choices.length);
    same('predict: the answer (choice number)', en.choices.indexOf(en.answer) + 1, tr.choices.indexOf(tr.answer) + 1);
  } else if ((en.kind === 'exercise' && tr.kind === 'exercise') || (en.kind === 'alert-exercise' && tr.kind === 'alert-exercise')) {
    const name = `${en.kind} "${en.id}"`;
    same(`${en.kind}: id`, en.id, tr.id);
    same(`${name}: answer`, en.answer, tr.answer);
    same(`${name}: the wrong answers`, en.wrong.map((w) => w.query), tr.wrong.map((w) => w.query));
    same(`${name}: the number of hints`, en.hints.length, tr.hints.length);
    // The last hint is the skeleton, PromQL with ___ blanks: the same in every language.
    same(`${name}: the last hint (the skeleton)`, en.hints[en.hints.length - 1], tr.hints[tr.hints.length - 1]);
    if (en.kind === 'exercise' && tr.kind === 'exercise') {
      same(`${name}: at`, en.at, tr.at);
      same(`${name}: uses`, en.uses, tr.uses);
      same(`${name}: avoids`, en.avoids, tr.avoids);
    }
  }
  return out;
}

function show(v: unknown): string {
  return v === undefined ? 'not set' : JSON.stringify(v);
}

function oneLine(q: string): string {
  return q.replace(/\s+/g, ' ').trim();
}
