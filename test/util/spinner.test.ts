// The spinner: only on a terminal's stderr, only after its delay, erased
// before anything else is written and when the work ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferIO } from '../../src/util/io.js';
import { withSpinner } from '../../src/util/spinner.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stderr text as a terminal would leave it: \r returns to the line start, later text overwrites. */
function screen(text: string): string {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines.push(line.join('').trimEnd());
      line = [];
      col = 0;
    } else if (ch === '\r') col = 0;
    else line[col++] = ch;
  }
  lines.push(line.join('').trimEnd());
  return lines.join('\n');
}

test('slow work on a terminal: a spinner with the label and seconds, erased at the end', async () => {
  const io = bufferIO({ stderrIsTTY: true, env: { LANG: 'en_US.UTF-8' } });
  // The work ends once five frames are drawn (an event, not a length of time, so a loaded machine cannot fail it).
  const framesDrawn = () => io.output.err.split('\r').length > 5;
  const work = async () => {
    while (!framesDrawn()) await sleep(5);
    return 42;
  };
  const v = await withSpinner(io, 'running query', work, { delayMs: 30, intervalMs: 10 });
  assert.equal(v, 42);
  assert.match(io.output.err, /⠋ running query 0\.\ds/);
  assert.ok(io.output.err.split('\r').length > 4, 'several frames');
  assert.equal(screen(io.output.err), '', 'nothing left on the line');
  assert.equal(io.output.out, '');
});

test('fast work, a pipe, or a nested spinner: nothing drawn', async () => {
  const fast = bufferIO({ stderrIsTTY: true });
  await withSpinner(fast, 'x', async () => sleep(5), { delayMs: 100 });
  assert.equal(fast.output.err, '');
  const piped = bufferIO({ stderrIsTTY: false });
  await withSpinner(piped, 'x', async () => sleep(80), { delayMs: 10 });
  assert.equal(piped.output.err, '');
  const nested = bufferIO({ stderrIsTTY: true });
  await withSpinner(nested, 'outer', () => withSpinner(nested, 'inner', () => sleep(80), { delayMs: 10 }), { delayMs: 1000 });
  assert.equal(nested.output.err, '');
});

test('anything written while it spins starts on a clean line; ASCII frames without a UTF-8 locale', async () => {
  const io = bufferIO({ stderrIsTTY: true, env: { LANG: 'C' } });
  await withSpinner(
    io,
    'listing',
    async () => {
      await sleep(60);
      io.err('warning: something\n');
      io.out('result\n');
      await sleep(60);
    },
    { delayMs: 20, intervalMs: 10 },
  );
  assert.match(io.output.err, /[|/\\-] listing/);
  assert.doesNotMatch(io.output.err, /⠋/);
  assert.equal(screen(io.output.err), 'warning: something\n', 'the warning is alone on its line; the spinner is gone');
  assert.equal(io.output.out, 'result\n');
});

test('the IO is restored when the work throws', async () => {
  const io = bufferIO({ stderrIsTTY: true });
  const [out, err] = [io.out, io.err];
  await assert.rejects(
    withSpinner(io, 'x', async () => (await sleep(50), Promise.reject(new Error('boom'))), { delayMs: 10 }),
    /boom/,
  );
  assert.equal(io.out, out);
  assert.equal(io.err, err);
  assert.equal(screen(io.output.err), '');
});
