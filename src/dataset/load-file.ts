// Loads a user's dataset file (--dataset FILE): OpenMetrics or Prometheus text
// format with a timestamp on every sample, gzipped when the name ends in
// `.gz` (the recorded sessions lessons ship). Every failure is a UsageError that
// names the file (and the line, for bad content). Used in-process by
// `dataset export --dataset` and inside the query worker.
//
// The file is streamed: read in large chunks and parsed as bytes (see
// storage/exposition-bytes.ts), never held as one string, so files larger
// than V8's longest string (~512 MB) load too. The format is known before
// reading: OpenMetrics files end with `# EOF`, so the file's tail decides.

import { open, readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '../errors.js';
import { t } from '../util/messages/index.js';
import { ByteExpositionParser } from '../storage/exposition-bytes.js';
import { detectFormat, ExpositionParser } from '../storage/exposition.js';
import type { MemoryStore } from '../storage/store.js';
import { parseThreaded } from './load-threaded.js';
import { DuplicateLabelSetError } from '../storage/label-sets.js';

/** Bytes read so far and the file's size. */
type LoadProgress = (bytesDone: number, totalBytes: number | undefined) => void;

const CHUNK_BYTES = 4 << 20;
/**
 * Files from this size are tokenized in a thread of their own (load-threaded.ts):
 * below it, starting the thread costs more than it saves (measured: a 4 MB file of
 * new series loads ~0.1 s slower in two threads, a 22 MB one ~0.1 s faster).
 */
const THREADED_BYTES = 16 << 20;
const TAIL_BYTES = 64 << 10;

function readError(file: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? t('dataset.noSuchFile')
      : code === 'EISDIR'
        ? t('dataset.isDirectory')
        : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
          ? t('dataset.notGzip')
          : (e as Error).message;
  return new UsageError(t('dataset.cannotRead', { file, reason }), t('dataset.readHint'));
}

/** OpenMetrics when the file ends with `# EOF`: only the last bytes are read. */
async function fileFormat(file: string, size: number): Promise<'openmetrics' | 'text'> {
  const fh = await open(file, 'r');
  try {
    const n = Math.min(size, TAIL_BYTES);
    const buf = Buffer.alloc(n);
    await fh.read(buf, 0, n, size - n);
    let tail = buf.toString('utf8');
    // A cut first line is not a line start: drop it.
    if (n < size) tail = tail.slice(tail.indexOf('\n') + 1);
    return detectFormat(tail);
  } finally {
    await fh.close();
  }
}

/** A gzipped file is small (a recorded lesson session): inflated whole, then parsed as bytes. */
async function parseGzipFile(file: string, onProgress?: LoadProgress): Promise<MemoryStore> {
  const data = gunzipSync(await readFile(file));
  const tail = data.subarray(Math.max(0, data.length - TAIL_BYTES)).toString('utf8');
  const format = detectFormat(data.length > TAIL_BYTES ? tail.slice(tail.indexOf('\n') + 1) : tail);
  const bytes = new ByteExpositionParser(new ExpositionParser(format, undefined), format === 'openmetrics');
  for (let at = 0; at < data.length; at += CHUNK_BYTES) {
    bytes.feed(data.subarray(at, Math.min(data.length, at + CHUNK_BYTES)));
    onProgress?.(Math.min(data.length, at + CHUNK_BYTES), data.length);
  }
  return bytes.end();
}

/** How a file is read (for tests and benchmarks: the defaults are what the CLI uses). */
export interface LoadOptions {
  /** Files of at least this many bytes are tokenized in a thread of their own. */
  threadedFromBytes?: number;
  /** Bytes at the start of a threaded load read in the loading thread while the worker starts (load-threaded.ts). */
  headBytes?: number;
}

async function parseFile(file: string, size: number, onProgress?: LoadProgress, options: LoadOptions = {}): Promise<MemoryStore> {
  if (file.endsWith('.gz')) return parseGzipFile(file, onProgress);
  const format = await fileFormat(file, size);
  const om = format === 'openmetrics';
  const readRest = (bytes: ByteExpositionParser, from: number) => readChunks(file, size, from, bytes, onProgress);
  if (size >= (options.threadedFromBytes ?? THREADED_BYTES)) {
    try {
      return await parseThreaded(file, size, new ExpositionParser(format, undefined), om, readRest, onProgress, options.headBytes);
    } catch (e) {
      // A series written two ways (labels in another order): read again, looking every new text's labels up.
      if (!(e instanceof DuplicateLabelSetError)) throw e;
    }
  }
  return readRest(new ByteExpositionParser(new ExpositionParser(format, undefined), om), 0);
}

/** Feeds the file from byte `from` to the parser, in chunks, in this thread. */
async function readChunks(
  file: string,
  size: number,
  from: number,
  bytes: ByteExpositionParser,
  onProgress?: LoadProgress,
): Promise<MemoryStore> {
  // Two buffers in turn: the parser keeps nothing of a chunk it has read, and
  // the next chunk is read (in libuv's thread pool) while this one is parsed.
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  const fh = await open(file, 'r');
  let reading = fh.read(buffers[0], 0, CHUNK_BYTES, from);
  try {
    let done = from;
    for (let k = 0; ; k++) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const buf = buffers[k & 1];
      done += bytesRead;
      reading = fh.read(buffers[(k + 1) & 1], 0, CHUNK_BYTES, done);
      bytes.feed(buf.subarray(0, bytesRead));
      onProgress?.(done, size);
    }
  } finally {
    // A read under way (when the parser threw) ends before the file closes.
    await reading.catch(() => undefined);
    await fh.close();
  }
  return bytes.end();
}

export async function loadDatasetFile(file: string, onProgress?: LoadProgress, options?: LoadOptions): Promise<MemoryStore> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw readError(file, e);
  }
  let store: MemoryStore;
  try {
    store = await parseFile(file, size, onProgress, options);
  } catch (e) {
    const err = e as Error & { line?: number; hint?: string; code?: string };
    if (err.code !== undefined && typeof err.line !== 'number') throw readError(file, e);
    const where = typeof err.line === 'number' && !/\bline\b/.test(err.message) ? `line ${err.line}: ` : '';
    throw new UsageError(t('dataset.cannotLoad', { file, detail: `${where}${err.message}` }), err.hint ?? t('dataset.loadHint'));
  }
  // An empty dataset would make every query "no series matched": say why once, here.
  if (store.numSeries === 0) throw new UsageError(t('dataset.empty', { file }), t('dataset.emptyHint'));
  return store;
}
