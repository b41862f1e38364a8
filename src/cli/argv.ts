// Where the command word sits in argv. The program's own options may come
// first (`promlearn --lang ko query up`, `promlearn --tz Asia/Seoul`), so
// argv[2] is not always the command: code that looks at the command before
// commander parses (which modules to load, no command -> REPL or help, help
// width, expressions starting with "-") asks here.

/** The program's options that take a value (declared in main.ts's buildProgram). */
const GLOBAL_OPTIONS_WITH_VALUE = ['--lang', '--tz'];

/** The index of the first argument that is not one of the program's own options (argv.length when there is none). */
export function commandIndex(argv: readonly string[]): number {
  let i = 2;
  while (i < argv.length) {
    const a = argv[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.includes(a)) i += 2;
    else if (GLOBAL_OPTIONS_WITH_VALUE.some((o) => a.startsWith(o + '='))) i += 1;
    else break;
  }
  return Math.min(i, argv.length);
}
