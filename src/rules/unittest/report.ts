// `rules test` output, laid out as promtool's:
//
//   Unit Testing:  tests.yml
//     SUCCESS
//
// or "  FAILED:" followed by each failure text and a blank line.

import type { Style } from '../../util/style.js';
import type { TestFileResult } from './run.js';

interface Out {
  out(text: string): void;
  err(text: string): void;
  errStyle: Style;
}

export function renderTestResults(results: TestFileResult[], io: Out, style: Style): void {
  for (const r of results) {
    io.out(`Unit Testing:  ${r.path}\n`);
    for (const w of r.warnings) io.err(`  ${io.errStyle.warn('WARNING')}: ${w}\n`);
    if (r.ok) io.out(`  ${style.ok('SUCCESS')}\n`);
    else {
      io.err(`  ${io.errStyle.error('FAILED')}:\n`);
      // promtool writes each failure to stderr and the blank line after it to stdout.
      for (const e of r.errors) {
        io.err(`${e}\n`);
        io.out('\n');
      }
    }
    io.out('\n');
  }
}

export function testResultsJSON(results: TestFileResult[]): unknown {
  return results.map((r) => ({ file: r.path, ok: r.ok, groups: r.groups, errors: r.errors, warnings: r.warnings }));
}
