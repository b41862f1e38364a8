import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateDir } from '../../src/util/state-dir.js';

// Lesson progress and REPL history both live here, so both follow one rule.
test('state directory: PROMLEARN_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state', () => {
  assert.equal(stateDir({ PROMLEARN_STATE_DIR: '/x', XDG_STATE_HOME: '/y', HOME: '/h' }), '/x');
  assert.equal(stateDir({ XDG_STATE_HOME: '/y', HOME: '/h' }), '/y/promlearn');
  assert.equal(stateDir({ HOME: '/h' }), '/h/.local/state/promlearn');
});

test('a relative XDG_STATE_HOME is ignored, as the XDG spec says', () => {
  assert.equal(stateDir({ XDG_STATE_HOME: 'relative', HOME: '/h' }), '/h/.local/state/promlearn');
  assert.equal(stateDir({ XDG_STATE_HOME: './state', HOME: '/h' }), '/h/.local/state/promlearn');
});
