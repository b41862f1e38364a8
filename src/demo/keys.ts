// Incident switches by single keys while the demo app runs in a terminal.

import { emitKeypressEvents } from 'node:readline';
import type { DemoApp } from './app.js';
import { t } from '../util/messages/index.js';

/** The key line shown under the demo's banner, in the run's language. */
export function keyHelp(): string {
  return t('demo.keys');
}

const ERROR_STEPS = [0, 0.05, 0.25];

/** Applies one key to the app; returns a line describing what changed, 'quit', or undefined for an unknown key. */
export function applyKey(app: DemoApp, key: string): string | 'quit' | undefined {
  const i = app.incidents;
  switch (key) {
    case 'e': {
      const next = ERROR_STEPS[(ERROR_STEPS.findIndex((x) => x >= i.errorRate) + 1) % ERROR_STEPS.length];
      i.errorRate = next;
      return next === 0 ? t('demo.errorsOff') : t('demo.errorsOn', { pct: next * 100 });
    }
    case 's':
      if (i.slow.delete('/api/products')) return t('demo.slowOff');
      i.slow.add('/api/products');
      return t('demo.slowOn');
    case 'l':
      app.setLeak(!i.leak);
      return i.leak ? t('demo.leakOn') : t('demo.leakOff');
    case 'c':
      void app.crash();
      return undefined;
    case 'u':
      i.rawPaths = !i.rawPaths;
      return i.rawPaths ? t('demo.rawPathsOn') : t('demo.rawPathsOff');
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
