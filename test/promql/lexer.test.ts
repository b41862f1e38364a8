// The lexer: every keyword of the keywords table lexes as the table says, and
// the tolerant mode reads unfinished input without stopping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, lexTolerant, type Token } from '../../src/promql/lexer.js';
import { KEYWORDS } from '../../src/promql/keywords.js';
import { AGGREGATIONS } from '../../src/promql/aggregations.js';

const brief = (toks: Token[]) => toks.map((t) => `${t.type}:${t.val}${t.unterminated ? '…' : ''}@${t.start}-${t.end}`);

test('every keyword and aggregation of the tables lexes as its row says', () => {
  for (const k of KEYWORDS.values()) {
    const [t] = lex(k.name);
    assert.equal(t.type, k.token, k.name);
    assert.equal(t.kw, k.name, k.name);
  }
  for (const name of AGGREGATIONS.keys()) assert.equal(lex(name)[0].type, 'AGGR', name);
});

test('tolerant mode: unclosed brace, string and paren end at the input end, with character positions', () => {
  assert.deepEqual(brief(lexTolerant('rate(up{job="a')), [
    'IDENTIFIER:rate@0-4',
    'LEFT_PAREN:(@4-5',
    'IDENTIFIER:up@5-7',
    'LEFT_BRACE:{@7-8',
    'IDENTIFIER:job@8-11',
    'EQL:=@11-12',
    'STRING:"a…@12-14',
    'EOF:@14-14',
  ]);
  // Character indices, not bytes, and no error for the unclosed paren.
  assert.deepEqual(brief(lexTolerant('é + sum(')), ['ERROR:é@0-1', 'OP:+@2-3', 'AGGR:sum@4-7', 'LEFT_PAREN:(@7-8', 'EOF:@8-8']);
});

test('tolerant mode: an error becomes a token and lexing goes on', () => {
  assert.deepEqual(brief(lexTolerant('a ) $ b[1h3')), [
    'IDENTIFIER:a@0-1',
    'RIGHT_PAREN:)@2-3',
    'ERROR:$@4-5',
    'IDENTIFIER:b@6-7',
    'LEFT_BRACKET:[@7-8',
    'NUMBER:1h3@8-11',
    'EOF:@11-11',
  ]);
  // The strict lexer stops at the first error.
  assert.equal(lex('a $ b').at(-1)!.type, 'ERROR');
});
