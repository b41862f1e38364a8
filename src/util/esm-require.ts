// Loading an ES-module package on first use, synchronously: string-width and
// chalk cost milliseconds to import (start-up is ~80 ms of Node.js itself), and
// most runs never need them (ASCII-only tables; pipes and NO_COLOR, no colour).
// require() of an ES module works from Node 20.19 and 22.12; where it does not,
// the packages are imported here up front instead (a top-level await), as
// before. The CLI bundle runs only where it works (bin/promlearn.js checks)
// and has this module without that fallback (scripts/build-bundle.ts): a
// CommonJS bundle cannot have a top-level await.

import { createRequire } from 'node:module';

/** Whether this Node.js can require() an ES module (process.features.require_module, Node 20.19+). */
const CAN_REQUIRE_ESM = (process.features as { require_module?: boolean }).require_module === true;

/** The packages requireEsm gives, imported up front where require() of an ES module fails. */
const PRELOADED: Record<string, unknown> = CAN_REQUIRE_ESM
  ? {}
  : { chalk: await import('chalk'), 'string-width': await import('string-width') };

/** The package `specifier` as resolved from the module at `fromUrl` (its import.meta.url), loaded synchronously. */
export function requireEsm<T>(fromUrl: string, specifier: string): T {
  return (PRELOADED[specifier] ?? createRequire(fromUrl)(specifier)) as T;
}
