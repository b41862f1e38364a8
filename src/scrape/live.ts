// The live scraped store as a Backend: the embedded engine over the store the
// scraper keeps appending to. Unlike a dataset file it has no fixed window, so
// queries default to "now", as against a real Prometheus.

import type { Backend, BackendInfo } from '../backends/backend.js';
import { createLocalBackend } from '../backends/local.js';
import type { Scraper, TargetStatus } from './scraper.js';
import { t } from '../util/messages/index.js';

/** What the target list (REPL .targets, serve's /api/v1/targets) reads. */
export interface TargetSource {
  targets(): TargetStatus[];
}

export interface LiveBackend extends Backend, TargetSource {
  readonly scraper: Scraper;
}

export function createLiveBackend(scraper: Scraper): LiveBackend {
  const n = scraper.targets().length;
  const local = createLocalBackend(scraper.store, {
    name: 'live',
    description: n === 1 ? t('backend.liveOne') : t('backend.liveMany', { n }),
  });
  return {
    ...local,
    scraper,
    targets: () => scraper.targets(),
    async info(signal?: AbortSignal): Promise<BackendInfo> {
      // No dataRange: relative times and the default evaluation time are taken from now.
      const { dataRange: _ignored, ...rest } = await local.info(signal);
      return rest;
    },
    close: () => scraper.stop(),
  };
}
