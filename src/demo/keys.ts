// Incident switches by single keys while the demo app runs in a terminal.

import { emitKeypressEvents } from 'node:readline';
import type { DemoApp } from './app.js';

export const KEY_HELP =
  'keys: e errors (0 → 5% → 25%)  s slow /api/products  l memory leak  c crash+restart  u user ids in route label  q quit';

const ERROR_STEPS = [0, 0.05, 0.25];

/** Applies one key to the app; returns a line describing what changed, 'quit', or undefined for an unknown key. */
export function applyKey(app: DemoApp, key: string): string | 'quit' | undefined {
  const i = app.incidents;
  switch (key) {
    case 'e': {
      const next = ERROR_STEPS[(ERROR_STEPS.findIndex((x) => x >= i.errorRate) + 1) % ERROR_STEPS.length];
      i.errorRate = next;
      return next === 0 ? 'errors off' : `errors on: ${next * 100}% of requests answer 500`;
    }
    case 's':
      if (i.slow.delete('/api/products')) return 'slow /api/products off';
      i.slow.add('/api/products');
      return 'slow /api/products on: 0.3-1.5 s extra latency';
    case 'l':
      app.setLeak(!i.leak);
      return i.leak ? 'memory leak on (the app crashes when it has leaked 256 MB)' : 'memory leak off';
    case 'c':
      void app.crash();
      return undefined;
    case 'u':
      i.rawPaths = !i.rawPaths;
      return i.rawPaths
        ? 'route label now holds raw paths with user ids: watch the series count grow'
        : 'route label back to route templates';
    case 'q':
      return 'quit';
    default:
      return undefined;
  }
}

/** Listens for keys on a TTY stdin; returns a function that restores the terminal. */
export function listenKeys(stdin: NodeJS.ReadStream, onKey: (key: string, ctrl: boolean) => void): () => void {
  emitKeypressEvents(stdin);
  stdin.setRawMode(true);
  stdin.resume();
  const handler = (_s: string, k: { name?: string; ctrl?: boolean; sequence?: string }) =>
    onKey(k?.name ?? k?.sequence ?? '', Boolean(k?.ctrl));
  stdin.on('keypress', handler);
  return () => {
    stdin.off('keypress', handler);
    stdin.setRawMode(false);
    stdin.pause();
  };
}
