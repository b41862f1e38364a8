// Where promlearn keeps what it remembers between runs (lesson progress, REPL
// history): one directory, chosen the same way for both.

import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * $PROMLEARN_STATE_DIR, else $XDG_STATE_HOME/promlearn, else
 * ~/.local/state/promlearn. A relative XDG_STATE_HOME is ignored: the XDG Base
 * Directory spec says such paths are invalid (they would change with the
 * working directory).
 */
export function stateDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.PROMLEARN_STATE_DIR) return env.PROMLEARN_STATE_DIR;
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'promlearn');
}
