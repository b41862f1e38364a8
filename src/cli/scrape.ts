import type { Command } from "commander"; import type { IO } from "./io.js"; export function register(_p: Command, _io: IO): void {}
