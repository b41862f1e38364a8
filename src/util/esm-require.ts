// Loading an ES-module package on first use, synchronously: string-width and
// chalk cost milliseconds to import (start-up is ~80 ms of Node.js itself), and
// most runs never need them (ASCII-only tables; pipes and NO_COLOR, no colour).
// require() of an ES module works from Node 20.19 and 22.12; where it does not,
// the modules that use this import the package up front instead, as before.

import { createRequire } from 'node:module';

/** Whether this Node.js can require() an ES module (process.features.require_module, Node 20.19+). */
export const CAN_REQUIRE_ESM = (process.features as { require_module?: boolean }).require_module === true;

/** The package `specifier` as resolved from the module at `fromUrl` (its import.meta.url), loaded synchronously. */
export function requireEsm<T>(fromUrl: string, specifier: string): T {
  return createRequire(fromUrl)(specifier) as T;
}
