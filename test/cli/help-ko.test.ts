// Every command's --help in Korean, as a learner with LANG=ko_KR.UTF-8 sees it:
// commander's own words translated, every description, argument and option
// in Korean, the example comments and the notes after them in Korean, and the
// Korean lines wrapped at 80 terminal columns. The commands are found by
// reading the help itself (the top level's command list, then each command's),
// so a command added later is checked too. Also commander's errors in Korean,
// English left as commander writes it, and the catalog's examples the same in
// both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import { translateCommanderError } from '../../src/cli/help-text.js';
import { bufferIO } from '../../src/util/io.js';
import { CATALOG, setLang, type Message } from '../../src/util/messages/index.js';
import { visibleWidth } from '../../src/util/width.js';

const HANGUL = /[\uAC00-\uD7A3]/;

async function run(args: string[], env: NodeJS.ProcessEnv = { LANG: 'ko_KR.UTF-8' }): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO({ env, columns: 80, rows: 24 });
  const code = await main(['node', 'promlearn', ...args], io);
  return { code, out: io.output.out, err: io.output.err };
}

interface Section {
  title: string;
  items: { term: string; description: string }[];
}

/** The item lists of a help text (인자:, 옵션:, 명령:), each item's description joined across its wrapped lines. */
function sections(help: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  const lines = help.split('\n');
  for (const [i, line] of lines.entries()) {
    if (/^\S.*:$/.test(line) && !line.startsWith('사용법:')) {
      // A heading over examples ("예:") starts no list of items.
      current = /^\s*\$ /.test(lines[i + 1] ?? '') ? undefined : { title: line, items: [] };
      if (current) out.push(current);
    } else if (current && /^ {2}\S/.test(line) && !line.startsWith('  $ ')) {
      const m = /^ {2}(\S.*?)(?: {2,}(.*))?$/.exec(line)!;
      current.items.push({ term: m[1]!, description: m[2] ?? '' });
    } else if (current && /^ {3,}\S/.test(line) && current.items.length > 0) {
      current.items.at(-1)!.description += ' ' + line.trim();
    } else if (line === '' && current && current.items.length > 0) {
      current = undefined;
    }
  }
  return out.filter((s) => s.items.length > 0);
}

/** Every command path, found from the help's command lists (the help command itself left out). */
async function commandPaths(): Promise<string[][]> {
  const paths: string[][] = [];
  const visit = async (path: string[]) => {
    paths.push(path);
    const { out } = await run([...path, '--help']);
    for (const s of sections(out).filter((s) => s.title === '명령:')) {
      for (const item of s.items) {
        const name = item.term.split(' ')[0]!;
        if (name !== 'help') await visit([...path, name]);
      }
    }
  };
  await visit([]);
  return paths;
}

/** Lines of prose that read as English: three words or more in a row and no Hangul (a list of names is no prose). */
function englishProse(line: string): boolean {
  if (/^[\w./:-]+(, [\w./:-]+)+$/.test(line.trim())) return false;
  const words = line.replace(/`[^`]*`|'[^']*'|"[^"]*"|\{[^}]*\}|https?:\/\/\S+/g, ' ');
  return !HANGUL.test(line) && /\b[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,}\b/.test(words);
}

/** Text of names only (paths, flags, GET/POST, metric names), no words to translate. */
function namesOnly(text: string): boolean {
  return text.split(/\s+/).every((token) => token === '' || /[^A-Za-z,;]/.test(token) || /^[A-Z]+$/.test(token));
}

/** An example line without its comment: the command, the same in both languages. */
const commandOf = (line: string) => line.replace(/\s+#\s.*$/, '');

/** How wide each example line is in English, by its command: a Korean one may be as wide, not wider. */
async function englishExampleWidths(path: string[]): Promise<Map<string, number>> {
  const { out } = await run([...path, '--help'], {});
  return new Map(out.split('\n').map((l) => [commandOf(l), visibleWidth(l)]));
}

test('every command and subcommand has its help in Korean: descriptions, arguments, options, examples and notes', async () => {
  const paths = await commandPaths();
  assert.ok(paths.length >= 24, `found only ${paths.length} commands: ${paths.map((p) => p.join(' ')).join(', ')}`);
  const problems: string[] = [];
  for (const path of paths) {
    const what = ['promlearn', ...path].join(' ');
    const { code, out } = await run([...path, '--help']);
    assert.equal(code, 0, what);
    const lines = out.split('\n');
    const englishWidth = await englishExampleWidths(path);
    if (!lines[0]!.startsWith('사용법: ')) problems.push(`${what}: usage line ${lines[0]}`);
    if (!HANGUL.test(lines[2] ?? '')) problems.push(`${what}: description ${lines[2]}`);
    for (const s of sections(out)) {
      if (!HANGUL.test(s.title)) problems.push(`${what}: heading ${s.title}`);
      for (const item of s.items) {
        if (!HANGUL.test(item.description) && !namesOnly(item.description)) problems.push(`${what}: ${item.term}: ${item.description}`);
      }
    }
    for (const line of lines) {
      // Example lines are typed the same in every language; their comments are translated.
      const example = /^\s*\$ /.test(line) || /^ {6}\S/.test(line);
      const text = example ? (/\s#\s(.*)$/.exec(line)?.[1] ?? '') : /^ {4}/.test(line) ? '' : line; // wrapped descriptions: checked whole above
      if (englishProse(text)) problems.push(`${what}: English: ${line}`);
      const limit = example ? Math.max(80, englishWidth.get(commandOf(line)) ?? 0) : 80;
      if (HANGUL.test(line) && visibleWidth(line) > limit) problems.push(`${what}: wider than ${limit} columns: ${line}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the check above finds English: an untranslated option and an English note', () => {
  const help = 'Usage: x\n\n설명\n\n옵션:\n  --a       한국어 설명\n  --b       an English description\n\nSome notes in English here.\n';
  assert.deepEqual(
    sections(help)[0]!.items.map((i) => HANGUL.test(i.description)),
    [true, false],
  );
  assert.equal(englishProse('Some notes in English here.'), true);
  assert.equal(namesOnly('GET /api/products  POST /api/cart'), true);
  assert.equal(namesOnly('no colours'), false);
  assert.equal(englishProse('  --var <name=value>  값; 여러 변수나 다중 값이면 반복'), false);
});

test("English help is commander's own words", async () => {
  const { out } = await run(['range', '--help'], {});
  assert.match(out, /^Usage: promlearn range \[options\] <expr\.\.\.>$/m);
  assert.match(out, /^Options:$/m);
  assert.match(out, /-h, --help +display help for command/);
  assert.match(out, /\(choices: "table", "json", "csv",\s+default: "table"\)/);
  assert.doesNotMatch(out, HANGUL);
});

test("commander's errors in Korean keep what the user typed, and the exit code", async () => {
  const cases: Array<[args: string[], expected: string]> = [
    [['query', 'up', '--outptu', 'json'], "오류: 알 수 없는 옵션이에요: '--outptu'\n(혹시 --output인가요?)\n"],
    [['quer', 'up'], "오류: 알 수 없는 명령이에요: 'quer'\n(혹시 query인가요?)\n"],
    [['query'], "오류: 꼭 필요한 인자가 빠졌어요: 'expr'\n"],
    [['query', 'up', '-t'], "오류: 옵션 '-t, --time <time>'에 값이 빠졌어요\n"],
    [['query', 'up', '-o', 'xml'], "오류: 옵션 '-o, --output <format>'에 쓸 수 없는 값이에요: 'xml'. 가능한 값: table, json, csv.\n"],
    [['fmt', 'a', 'b'], "오류: 'fmt'에 인자가 너무 많아요. 1개를 받는데 2개를 줬어요.\n"],
    [['alerts', 'route', 'r.yml'], "오류: 꼭 필요한 옵션이 빠졌어요: '-c, --config <file>'\n"],
    [
      ['query', 'up', '--max-samples', '0'],
      "오류: 옵션 '--max-samples <n>'에 쓸 수 없는 값이에요: '0'. 0보다 큰 정수(샘플 수)를 쓰세요. 예: 1000000\n",
    ],
  ];
  for (const [args, expected] of cases) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err, expected, args.join(' '));
  }
});

test('an option value is never echoed in Korean either', async () => {
  const r = await run(['query', 'up', '--bearer-token=S3CRET']);
  assert.equal(r.code, 2);
  assert.equal(r.err, "오류: 알 수 없는 옵션이에요: '--bearer-token=…'\n");
});

test('commander errors: English and unknown wordings pass through unchanged', () => {
  setLang('en');
  assert.equal(translateCommanderError("error: unknown option '--x'", 'commander.unknownOption'), "error: unknown option '--x'");
  setLang('ko');
  try {
    assert.equal(translateCommanderError('error: something new', 'commander.unknownOption'), 'error: something new');
    assert.equal(
      translateCommanderError("error: option '--a' cannot be used with option '--b'", 'commander.conflictingOption'),
      "오류: 함께 쓸 수 없어요: 옵션 '--a', 옵션 '--b'",
    );
    assert.equal(
      translateCommanderError('error: too many arguments. Expected 0 arguments but got 1.', 'commander.excessArguments'),
      '오류: 인자가 너무 많아요. 0개를 받는데 1개를 줬어요.',
    );
    assert.equal(
      translateCommanderError("error: unknown option '--lmit'\n(Did you mean one of --limit, --lang?)", 'commander.unknownOption'),
      "오류: 알 수 없는 옵션이에요: '--lmit'\n(혹시 --limit, --lang 중 하나인가요?)",
    );
    assert.equal(
      translateCommanderError(
        "error: command-argument value 'x' is invalid for argument 'kind'. Allowed choices are a, b.",
        'commander.invalidArgument',
      ),
      "오류: 인자 'kind'에 쓸 수 없는 값이에요: 'x'. 가능한 값: a, b.",
    );
  } finally {
    setLang('en');
  }
});

test('a leading minus answer to learn check gets the hint in Korean', async () => {
  const r = await run(['learn', 'check', '4', '1', '-(a - b)']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^오류: 알 수 없는 옵션이에요: '-\(a - b\)'\n힌트: 답이 '-'로 시작하면 인자 앞에 --를 붙이세요/);
  const en = await run(['learn', 'check', '4', '1', '-(a - b)'], {});
  assert.match(en.err, /^error: unknown option '-\(a - b\)'\nhint: if your answer starts with '-'/);
});

test('the examples in the help are the same commands in both languages; only their comments differ', () => {
  const examples = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^\s*\$ /.test(l) || /^ {6}\S/.test(l))
      .map(commandOf);
  const differ = Object.entries(CATALOG as Record<string, Message>)
    .filter(([key]) => key.startsWith('cli.'))
    .filter(([, m]) => examples(m.en).join('\n') !== examples(m.ko).join('\n'))
    .map(([key]) => key);
  assert.deepEqual(differ, []);
});

test('a Korean run that prints no help measures no text: `promlearn fmt up` loads no string-width', () => {
  const repo = fileURLToPath(new URL('../../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'promlearn-ko-width-'));
  try {
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `export async function load(url, context, next) {
  if (/string-width|\\/util\\/width\\.js$/.test(url)) throw new Error('loaded ' + url);
  return next(url, context);
}\n`,
    );
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    const bin = join(repo, 'bin/promlearn.js');
    const args = ['--import', pathToFileURL(join(dir, 'register.mjs')).href, bin];
    const env = { ...process.env, LANG: 'ko_KR.UTF-8', PROMLEARN_LANG: '', LC_ALL: '', NO_COLOR: '1', PROMLEARN_NO_BUNDLE: '1' };
    const fmt = spawnSync(process.execPath, [...args, 'fmt', 'up'], { encoding: 'utf8', env });
    assert.equal(fmt.stderr, '');
    assert.equal(fmt.stdout, 'up\n');
    // The hook does catch it: help measures Korean text.
    const help = spawnSync(process.execPath, [...args, 'fmt', '--help'], { encoding: 'utf8', env });
    assert.match(help.stderr, /loaded .*width/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
