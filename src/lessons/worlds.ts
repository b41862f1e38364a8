// The judge's two worlds. On the bundled sample, every answer is also judged
// in a VARIANT world: the same generator with the incidents moved to other
// services, instances and times (src/dataset/incidents.ts, VARIANT_INCIDENTS).
// A query that hard-codes `job="checkout"` or relies on one series never
// resetting gives the reference's results on the sample, not in the variant.
// The variant runs in this thread (prebuilt like the sample: variant.snapshot;
// generated, ~1 s, when the snapshot is missing or stale) and is
// never shown to the learner. On a live server or a user's file there is
// only the one world. A lesson on its own recording (./dataset.ts) registers
// that recording's variant here.

import type { Backend } from '../backends/backend.js';
import { createLocalBackend } from '../backends/local.js';
import { SAMPLE_END, SAMPLE_START, loadVariantStore } from '../dataset/index.js';
import { Judge, dataRange, planFor } from './judge.js';
import type { ExerciseBlock } from './model.js';
import { rangePlan } from './observe.js';

let variant: Backend | undefined;
/** A lesson recording's second world (`variant:` in the lesson's front matter). */
const recordingVariants = new WeakMap<Backend, Backend>();

export function registerVariant(main: Backend, other: Backend): void {
  recordingVariants.set(main, other);
}

/** Whether `backend` serves the bundled sample (the only data a variant of exists). */
export async function isSample(backend: Backend): Promise<boolean> {
  const info = await backend.info();
  return info.kind === 'local' && info.name === 'sample' && info.dataRange?.start === SAMPLE_START && info.dataRange?.end === SAMPLE_END;
}

/** The variant world's backend (built on first use), or undefined when `backend` is not the sample. */
export async function variantBackend(backend: Backend): Promise<Backend | undefined> {
  const own = recordingVariants.get(backend);
  if (own) return own;
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
  if (!other) return new Judge(backend, plan);
  const range = await dataRange(other);
  return new Judge(backend, plan, { backend: other, plan: rangePlan(range.start, range.end) });
}
