// Lint: typescript-eslint's recommended rules plus the layer boundaries of DESIGN.md.
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads', 'os', 'dgram', 'tls', 'cluster', 'readline'];
const nodeIoPaths = [...nodeIo, ...nodeIo.map((m) => `node:${m}`)].map((name) => ({ name, message: 'src/core is pure: no Node I/O. Put I/O in src/workspace.' }));
const noVscode = { name: 'vscode', message: "Only src/extension may import 'vscode'." };
const layer = (message, group) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/node_modules/**', 'bench/.work/**', 'demo/**', 'test/integration/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read untyped JSON (SARIF logs, reports): `any` is honest there.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode, ...nodeIoPaths],
        patterns: [layer('src/core may not import outer layers.', ['**/workspace/**', '**/cli/**', '**/extension/**'])],
      }],
    },
  },
  {
    files: ['src/workspace/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [layer('src/workspace may import only src/core.', ['**/cli/**', '**/extension/**'])] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [layer('src/cli may import only src/core and src/workspace.', ['**/extension/**'])] }],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('src/extension may not import the CLI.', ['**/cli/**'])] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
