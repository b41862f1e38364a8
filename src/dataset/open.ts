// TODO(stub): opens the sample dataset (or --dataset FILE) as a local backend.
import type { Backend } from '../backends/backend.js';
import type { IO } from '../cli/io.js';
import { QueryError } from '../errors.js';

export async function openLocalDataset(_opts: { file?: string }, _io: IO): Promise<Backend> {
  throw new QueryError('the sample dataset is not implemented yet', { errorType: 'internal' });
}
