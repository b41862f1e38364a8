// An instant vector's native histograms as bar charts, one block each
// (`query --buckets`, or a result of a single histogram): the float samples
// of a mixed result stay a table above them.

import type { InstantSample } from '../model/result.js';
import { renderHistogramBars } from './histogram-bars.js';
import { limitNote, type RenderContext } from './render-context.js';
import { t } from '../util/messages/index.js';
import { renderVector } from './vector.js';

/** `samples` in display order; blocks stop before one would overflow `ctx.limit` lines (the first is always shown). */
export function renderBucketBars(samples: InstantSample[], ctx: RenderContext): string[] {
  const floats = samples.filter((s) => s.histogram === undefined);
  const histograms = samples.filter((s) => s.histogram !== undefined);
  const out: string[] = [];
  if (floats.length > 0) out.push(...renderVector(floats.slice(0, ctx.limit), ctx, floats));
  if (histograms.length === 0) {
    out.push(ctx.style.dim(t('render.histogram.noneToDraw')));
    return out;
  }
  let shown = 0;
  for (const s of histograms) {
    const block = renderHistogramBars(s.metric, s.histogram![1], ctx);
    if (shown > 0 && out.length + 1 + block.length > ctx.limit) break;
    if (out.length > 0) out.push('');
    out.push(...block);
    shown++;
  }
  if (shown < histograms.length) out.push('', ...limitNote(shown, histograms.length, 'histograms', ctx));
  return out;
}
