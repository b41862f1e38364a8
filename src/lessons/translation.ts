// A translated course (lessons/ko/) against its English source: the same
// lessons, the same steps with the same ids (progress is kept by step id, and
// is shared between languages), and the same machine-read content in every
// step: example queries and where they run, predictions' choices and answer,
// exercises' ids, reference answers, wrong answers, judging times and hint
// skeletons. Only prose, titles, tasks, hints before the skeleton and
// feedback are the translator's. A mismatch names the lesson, step and field.

import type { Block, Lesson, Problem, Step } from './model.js';
import { t } from '../util/messages/index.js';

type Special = Exclude<Block, { kind: 'text' }>;

export function translationProblems(source: Lesson[], translated: Lesson[], lang: string): Problem[] {
  const out: Problem[] = [];
  const byNumber = new Map(translated.map((l) => [l.number, l]));
  for (const en of source) {
    const tr = byNumber.get(en.number);
    if (!tr) {
      out.push({ file: en.file, line: 1, message: t('validate.noTranslation', { n: en.number, id: en.id, lang }) });
      continue;
    }
    byNumber.delete(en.number);
    out.push(...lessonProblems(en, tr));
  }
  for (const tr of byNumber.values()) out.push({ file: tr.file, line: 1, message: t('validate.noOriginal', { n: tr.number, id: tr.id }) });
  return out;
}

function lessonProblems(en: Lesson, tr: Lesson): Problem[] {
  const out: Problem[] = [];
  const at = (line: number, message: string) => out.push({ file: tr.file, line, message });
  const lessonName = t('validate.lessonName', { n: en.number, id: en.id });
  if (tr.id !== en.id) at(1, t('validate.fileNamedFor', { lesson: lessonName, got: tr.id, want: en.id }));
  for (const key of ['file', 'variant'] as const) {
    const a = key === 'file' ? en.dataset?.file : en.dataset?.variant?.file;
    const b = key === 'file' ? tr.dataset?.file : tr.dataset?.variant?.file;
    if (a !== b) at(tr.dataset?.line ?? 1, t('validate.differs', { what: `${lessonName}: ${key === 'file' ? 'dataset' : 'variant'}`, got: show(b), want: show(a) }));
  }
  if (tr.steps.length !== en.steps.length) at(tr.steps[0]?.line ?? 1, t('validate.stepCount', { lesson: lessonName, got: tr.steps.length, want: en.steps.length }));
  en.steps.forEach((enStep, i) => {
    const trStep = tr.steps[i];
    if (!trStep) return;
    const where = t('validate.stepName', { lesson: lessonName, n: i + 1, id: enStep.id });
    if (trStep.id !== enStep.id) at(trStep.line, t('validate.stepIdDiffers', { where, id: trStep.id, title: trStep.title, enId: enStep.id }));
    for (const m of stepProblems(enStep, trStep)) at(m.line, `${where}: ${m.message}`);
  });
  return out;
}

function stepProblems(en: Step, tr: Step): { line: number; message: string }[] {
  const a = specials(en);
  const b = specials(tr);
  const kinds = (bs: Special[]) => bs.map((x) => x.kind).join(', ') || t('validate.blocksNone');
  if (kinds(a) !== kinds(b)) return [{ line: tr.line, message: t('validate.blocks', { got: kinds(b), want: kinds(a) }) }];
  return a.flatMap((x, i) => blockProblems(x, b[i]).map((message) => ({ line: b[i].line, message })));
}

function specials(step: Step): Special[] {
  return step.blocks.filter((b): b is Special => b.kind !== 'text');
}

/** The fields of a block that programs read, each compared with the English. */
function blockProblems(en: Special, tr: Special): string[] {
  const out: string[] = [];
  const same = (field: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(t('validate.differs', { what: field, got: show(b), want: show(a) }));
  };
  if (en.kind === 'example' && tr.kind === 'example') {
    const name = t('validate.field.exampleName', { query: oneLine(en.query) });
    same(t('validate.field.query', { name }), en.query, tr.query);
    same(t('validate.field.at', { name }), en.at, tr.at);
    same(t('validate.field.range', { name }), en.range, tr.range);
    same(t('validate.field.focus', { name }), en.focus, tr.focus);
  } else if (en.kind === 'predict' && tr.kind === 'predict') {
    same(t('validate.field.choices'), en.choices.length, tr.choices.length);
    same(t('validate.field.predictAnswer'), en.choices.indexOf(en.answer) + 1, tr.choices.indexOf(tr.answer) + 1);
  } else if ((en.kind === 'exercise' && tr.kind === 'exercise') || (en.kind === 'alert-exercise' && tr.kind === 'alert-exercise')) {
    const name = t(en.kind === 'exercise' ? 'validate.exerciseName' : 'validate.alertExerciseName', { id: en.id });
    same(`${en.kind}: id`, en.id, tr.id);
    same(t('validate.field.answer', { name }), en.answer, tr.answer);
    same(t('validate.field.wrong', { name }), en.wrong.map((w) => w.query), tr.wrong.map((w) => w.query));
    same(t('validate.field.hints', { name }), en.hints.length, tr.hints.length);
    // The last hint is the skeleton, PromQL with ___ blanks: the same in every language.
    same(t('validate.field.skeleton', { name }), en.hints[en.hints.length - 1], tr.hints[tr.hints.length - 1]);
    if (en.kind === 'exercise' && tr.kind === 'exercise') {
      same(`${name}: at`, en.at, tr.at);
      same(`${name}: uses`, en.uses, tr.uses);
      same(`${name}: avoids`, en.avoids, tr.avoids);
    }
  }
  return out;
}

function show(v: unknown): string {
  return v === undefined ? t('validate.notSet') : JSON.stringify(v);
}

function oneLine(q: string): string {
  return q.replace(/\s+/g, ' ').trim();
}
