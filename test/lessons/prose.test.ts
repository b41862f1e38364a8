import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderProse } from '../../src/lessons/prose.js';
import { makeStyle } from '../../src/util/style.js';

const plain = makeStyle(false);

test('prose: paragraphs wrap at word boundaries to the width', () => {
  const text = 'Prometheus adds two labels of its own to everything it scrapes: `job` (which service) and `instance` (which process).';
  const out = renderProse(text, 40, plain).split('\n');
  assert.ok(out.every((l) => l.length <= 40), out.join('|'));
  assert.equal(out.join(' '), text);
});

test('prose: fenced blocks are indented verbatim, without fences; lists hang', () => {
  const md = 'A scrape:\n\n```text\n# TYPE x counter\nx_total 1\n```\n\n- first item that is long enough to wrap around\n- second';
  assert.equal(
    renderProse(md, 30, plain),
    ['A scrape:', '', '    # TYPE x counter', '    x_total 1', '', '- first item that is long', '  enough to wrap around', '- second'].join('\n'),
  );
});

test('prose: **bold** loses its stars; backticks stay without colour', () => {
  assert.equal(renderProse('A **time series** is `up`.', 80, plain), 'A time series is `up`.');
  const coloured = renderProse('A **time series** is `up`.', 80, makeStyle(true));
  assert.match(coloured, /\x1b\[1mtime series\x1b\[22m/);
  assert.doesNotMatch(coloured, /`/);
});
