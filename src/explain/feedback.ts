// The explanation of a learner's answer, for the tutorial's feedback: the
// tree without the header, and the selector diagnosis first when the answer
// returned nothing (the usual reason an answer is wrong).

import type { Backend } from '../backends/backend.js';
import { formatError } from '../render/error.js';
import { PLAIN, type Style } from '../util/style.js';
import { explain } from './explain.js';
import type { ExplainNode } from './model.js';
import { renderExplanation, wrapText } from './render.js';
import { t } from '../util/messages/index.js';
import { isHintLine, selectorCulpritLines } from './selectors.js';

export interface FeedbackOptions {
  /** Terminal width. */
  columns: number;
  style?: Style;
  signal?: AbortSignal;
}

function emptySelectors(n: ExplainNode): ExplainNode[] {
  const own = n.selector && n.selector.matched === 0 ? [n] : [];
  return [...own, ...n.children.flatMap(emptySelectors)];
}

/**
 * Text explaining `answer` evaluated at `time` (unix seconds): first why a
 * selector matched nothing (when one did), then the tree. Never throws for
 * a user mistake: a query that does not parse gives the error with its caret.
 */
export async function explainForFeedback(backend: Backend, answer: string, time: number, opts: FeedbackOptions): Promise<string> {
  const style = opts.style ?? PLAIN;
  let x;
  try {
    x = await explain(backend, answer, { time, signal: opts.signal });
  } catch (e) {
    return formatError(e, style) + '\n';
  }
  const head: string[] = [];
  for (const n of emptySelectors(x.root)) {
    head.push(...wrapText(t('explain.matchesNothing', { head: n.head }), opts.columns).map((w) => style.warn(w)));
    for (const l of selectorCulpritLines(n.selector!)) {
      head.push(...wrapText(l, opts.columns - 2).map((w) => '  ' + (isHintLine(l) ? style.dim(w) : w)));
    }
  }
  const tree = renderExplanation(x, { columns: opts.columns, style, bare: true });
  return (head.length ? head.join('\n') + '\n\n' : '') + tree;
}
