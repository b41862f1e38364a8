// The judge's two worlds. On the bundled sample, every answer is also judged
// in a VARIANT world: the same generator with the incidents moved to other
// services, instances and times (src/dataset/incidents.ts, VARIANT_INCIDENTS).
// A query that hard-codes `job="checkout"` or relies on one series never
// resetting gives the reference's results on the sample, not in the variant.
// The variant runs in this thread (generated once per process, ~3 s) and is
// never shown to the learner. On a live server or a user's file there is
// only the one world.

import type { Backend } from '../backends/backend.js';
import { createLocalBackend } from '../backends/local.js';
import { SAMPLE_END, SAMPLE_START, loadVariantStore } from '../dataset/index.js';
import { Judge, planFor } from './judge.js';
import type { ExerciseBlock } from './model.js';
import { rangePlan } from './observe.js';

let variant: Backend | undefined;

/** Whether `backend` serves the bundled sample (the only data a variant of exists). */
export async function isSample(backend: Backend): Promise<boolean> {
  const info = await backend.info();
  return info.kind === 'local' && info.name === 'sample' && info.dataRange?.start === SAMPLE_START && info.dataRange?.end === SAMPLE_END;
}

/** The variant world's backend (built on first use), or undefined when `backend` is not the sample. */
export async function variantBackend(backend: Backend): Promise<Backend | undefined> {
  if (!(await isSample(backend))) return undefined;
  variant ??= createLocalBackend(loadVariantStore(), {
    name: 'variant',
    description: 'the sample with its incidents moved (judge only)',
    dataRange: { start: SAMPLE_START, end: SAMPLE_END },
  });
  return variant;
}

/**
 * The judge for one exercise: its plan on `backend`, and on the sample also
 * the variant world, judged over the whole range (the exercise's `at:` times
 * point at the sample's incidents, which the variant has elsewhere).
 */
export async function judgeFor(backend: Backend, exercise?: Pick<ExerciseBlock, 'at'>): Promise<Judge> {
  const plan = await planFor(backend, exercise);
  const other = await variantBackend(backend);
  return new Judge(backend, plan, other ? { backend: other, plan: rangePlan(SAMPLE_START, SAMPLE_END) } : undefined);
}
