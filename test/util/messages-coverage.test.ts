// The lint for translated areas: in the files listed here, a string literal
// that reads as an English sentence (three words or more) is a message left
// outside the catalog (src/util/messages/), so a Korean learner would see
// English. Comments, imports and error text from Prometheus (which stays
// English on purpose, with a Korean line beside it) are not messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Files whose user-facing text comes only from the catalog. */
export const TRANSLATED_FILES = [
  'src/explain/sentences.ts',
  'src/explain/render.ts',
  'src/explain/explain.ts',
  'src/explain/selectors.ts',
  'src/explain/feedback.ts',
  'src/explain/walkthrough.ts',
  'src/explain/rate-walk.ts',
  'src/explain/histogram-walk.ts',
  'src/explain/binary.ts',
  'src/explain/aggregate.ts',
  'src/explain/evaluate.ts',
  'src/explain/build.ts',
  'src/explain/trace.ts',
  'src/explain/index.ts',
  'src/lessons/judge.ts',
  'src/lessons/diff.ts',
  'src/lessons/nodata.ts',
  'src/lessons/query-shape.ts',
  'src/lessons/tutorial.ts',
  'src/lessons/exercise.ts',
  'src/lessons/view.ts',
  'src/lessons/index.ts',
  'src/lessons/alert-exercise.ts',
  'src/lessons/progress.ts',
  'src/lessons/load.ts',
  'src/lessons/dataset.ts',
  'src/lessons/parse.ts',
  'src/lessons/rules.ts',
  'src/lessons/translation.ts',
  'src/lessons/validate.ts',
  'src/lessons/show.ts',
  'src/lessons/prompter.ts',
  'src/lessons/observe.ts',
  'src/lessons/model.ts',
  'src/lessons/prose.ts',
  'src/lessons/time.ts',
  'src/lessons/export.ts',
  'src/repl/meta.ts',
  'src/repl/repl.ts',
  'src/repl/session.ts',
  'src/repl/complete.ts',
  'src/repl/completion-context.ts',
  'src/repl/cache.ts',
  'src/repl/history.ts',
  'src/repl/keys.ts',
  'src/repl/scan.ts',
  'src/promql/hints.ts',
  'src/promql/annotation-hints.ts',
  'src/render/error.ts',
  'src/render/empty.ts',
  'src/render/render-context.ts',
  'src/render/chart.ts',
  'src/render/chart-legend.ts',
  'src/render/chart-results.ts',
  'src/render/samples.ts',
  'src/render/histogram.ts',
  'src/render/histogram-bars.ts',
  'src/render/histogram-blocks.ts',
  'src/render/histogram-series.ts',
  'src/render/index.ts',
  'src/render/when.ts',
  'src/render/vector.ts',
  'src/render/axes.ts',
  'src/render/format.ts',
  'src/render/layout.ts',
  'src/render/text.ts',
  'src/render/query-text.ts',
  'src/dataset/timeline.ts',
  'src/dataset/load-file.ts',
  'src/dataset/load-threaded.ts',
  'src/util/time.ts',
  'src/backends/data-note.ts',
  'src/backends/open.ts',
  'src/backends/http/client.ts',
  'src/backends/http/config.ts',
  'src/backends/http/errors.ts',
  'src/promql/grafana.ts',
  'src/demo/keys.ts',
  'src/demo/app.ts',
  'src/scrape/status.ts',
  'src/scrape/live.ts',
  'src/scrape/config.ts',
  'src/backends/http/shape.ts',
  'src/backends/worker.ts',
  'src/rules/files.ts',
  'src/rules/load.ts',
  'src/rules/problem-notes.ts',
  'src/rules/querier.ts',
  'src/rules/report.ts',
  'src/rules/timeline.ts',
  'src/rules/dependencies.ts',
  'src/rules/unittest/run.ts',
  'src/rules/unittest/series.ts',
  'src/rules/unittest/report.ts',
  'src/rules/unittest/file.ts',
  'src/rules/yaml-nodes.ts',
  'src/rules/alerting.ts',
  'src/rules/evaluate.ts',
  'src/rules/duration.ts',
  'src/serve/server.ts',
  'src/alertmanager/report.ts',
  'src/alertmanager/problem-notes.ts',
];

/** Folders whose every file is translated (the commands: help, usage errors, notes). */
const TRANSLATED_DIRS = ['src/cli'];

function translatedFiles(): string[] {
  const inDirs = TRANSLATED_DIRS.flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${d}/${f}`),
  );
  return [...TRANSLATED_FILES, ...inDirs];
}

/**
 * Literals that are not messages though they have words: Prometheus's own
 * error wording (kept English for fidelity) and PromQL text.
 */
const NOT_MESSAGES: RegExp[] = [
  // A programming error (a REPL built without an opener, as in some tests), not a message to learners.
  /^switching backends is not available here$/,
  // Commander's own English, which src/cli/help-text.ts looks up to translate.
  /^display help for command$/,
  /^output the version number$/,
  // A backend's description, English like those of src/backends/open.ts.
  /with recorded rules \(embedded engine\)$/,
  // Prometheus's own refusals of a scrape config (config/config.go) and of a duration (model.ParseDuration).
  /^scrape timeout greater than scrape interval for scrape config with job name/,
  /found multiple scrape configs with job name/,
  /not a valid duration string: +$/,
  // Prometheus's own answers outside the API, which clients and scripts may match (web/web.go, net/http).
  /^Prometheus Server is (Ready|Healthy)\.\\n$/,
  /^404 page not found\\n$/,
  /^Method Not Allowed\\n$/,
  /^error parsing form values: http: POST too large$/,
  // HTTP header values (CORS).
  /^Accept, Authorization, Content-Type, Origin$/,
  /^GET, POST, OPTIONS$/,
];

function withoutComments(src: string): string {
  // Line comments that start a line or follow code after whitespace, and block comments; strings are kept.
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The text of every string and template literal (template expressions replaced by a space). */
export function literalsOf(src: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;
  for (const m of withoutComments(src).matchAll(re)) {
    const text = m[1] ?? m[2] ?? (m[3] ?? '').replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, ' ');
    out.push(text);
  }
  return out;
}

const SENTENCE = /\b[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,}\b/;

/** Help text's example lines (`  $ promlearn query up`) are commands, typed as they are in every language. */
function withoutExamples(literal: string): string {
  return literal.replace(/^ *\$ .*$/gm, '');
}

export function untranslated(src: string): string[] {
  return literalsOf(src)
    .filter((l) => !/^\.{0,2}\//.test(l)) // import paths
    .filter((l) =>
      SENTENCE.test(
        withoutExamples(l)
          .replace(/`[^`]*`/g, ' ')
          .replace(/\s+/g, ' '),
      ),
    )
    .filter((l) => !NOT_MESSAGES.some((re) => re.test(l)));
}

test('the lint finds an English sentence in a literal, and not a name or PromQL', () => {
  assert.deepEqual(untranslated('const a = `the number ${n} of series`;'), ['the number   of series']);
  assert.deepEqual(untranslated("const a = 'rate'; const b = 'sum by (job)'; // says what it does"), []);
});

test('translated files say nothing in English outside the catalog', () => {
  const found = translatedFiles().flatMap((f) => untranslated(readFileSync(join(ROOT, f), 'utf8')).map((l) => `${f}: ${l}`));
  assert.deepEqual(found, []);
});
