// ESLint: typescript-eslint's recommended rules over src/, test/ and scripts/.
// Formatting is Prettier's job (npm run lint runs both); ESLint checks code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      // Unused names are tsc's job (noUnusedLocals / noUnusedParameters); `_` marks an intentional one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
      // Expected terminal output is clearer with its spaces written out.
      'no-regex-spaces': 'off',
      // Errors are caught to be re-worded for the user on purpose; the cause is the message.
      'preserve-caught-error': 'off',
    },
  },
  {
    // Tests strip ANSI escapes from rendered output to compare text.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The bin is CommonJS (bin/package.json), as the CLI bundle is (scripts/build-bundle.ts).
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
