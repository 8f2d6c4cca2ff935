// The peer set-up the issue names: ESLint 9 with every rule of eslint-plugin-security's and
// @microsoft/eslint-plugin-sdl's recommended configs, on every JS/TS file the engine parses
// (typescript-eslint's parser for TS, no type information, as a typical project runs them).
import security from 'eslint-plugin-security';
import sdl from '@microsoft/eslint-plugin-sdl';
import tseslint from 'typescript-eslint';

// sdl's recommended config registers its own bundled eslint-plugin-security (1.4.0) under the same
// 'security' namespace without enabling any of its rules; ESLint refuses two plugins with one
// name, so that entry is dropped and the pinned 4.1.0 provides the 'security/*' rules instead.
const sdlRecommended = sdl.configs.recommended.filter((entry) => !(entry.plugins && 'security' in entry.plugins));

const code = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

export default [
  ...sdlRecommended.map((entry) => ({ ...entry, files: code })),
  { ...security.configs.recommended, files: code },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: code,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    // Vendored files carry eslint-disable comments for rules of other set-ups: ignore them all,
    // so every file is checked by every rule (and no 'rule not found' noise).
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  },
];
