// TODO(stub): the `query` command; replaced by its owner.
import type { Command } from 'commander';
import type { IO } from './io.js';

export function register(program: Command, _io: IO): void {
  program.command('query').description('(not implemented yet)');
}
