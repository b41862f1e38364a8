const { main } = require('../dist/src/bcjs/main.cjs');
main(process.argv).then((c) => { process.exitCode = c; });
