// TODO(stub): the Prometheus HTTP API backend.
import type { Backend } from './backend.js';
import type { BackendOptions } from '../cli/context.js';
import type { IO } from '../cli/io.js';
import { QueryError } from '../errors.js';

export async function createRemoteBackend(_opts: BackendOptions & { server: string }, _io: IO): Promise<Backend> {
  throw new QueryError('the remote backend is not implemented yet', { errorType: 'internal' });
}
