// TODO(stub): the `learn` command; replaced by its owner.
import type { Command } from 'commander';
import type { IO } from './io.js';

export function register(program: Command, _io: IO): void {
  program.command('learn').description('(not implemented yet)');
}
