// The house rules, enforced: layering (which room may import which), size limits, and typescript-eslint's checks.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export const CORE = [
  'src/documents',
  'src/text',
  'src/extract',
  'src/match',
  'src/ingest',
  'src/store',
  'src/briefing',
  'src/digest',
  'src/links',
  'src/feeds',
];
const under = (dirs) => dirs.map((d) => `${d}/**/*.ts`);

// Import paths are matched as written (relative), so each forbidden room is a "**/room/**" pattern.
const TRANSPORTS = [
  { group: ['discord.js', 'discord.js/*', '@discordjs/*'], message: 'The core never imports discord.js.' },
  { group: ['**/commands/**', '**/commands'], message: 'The core never imports commands/.' },
  { group: ['**/discord/**'], message: 'The core never imports src/discord.' },
  { group: ['**/console/**'], message: 'The core never imports src/console.' },
];
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: under(CORE), rules: { 'no-restricted-imports': restrict(...TRANSPORTS) } },
  {
    files: under(['src/store']),
    rules: {
      'no-restricted-imports': restrict(...TRANSPORTS, {
        group: ['**/ingest/**'],
        message: 'The store is persistence: it never imports src/ingest (ingest calls the store).',
      }),
    },
  },
  {
    files: under(['src/digest']),
    rules: {
      'no-restricted-imports': restrict(...TRANSPORTS, {
        group: ['**/present/discord/**'],
        message: 'src/digest composes answers; a transport delivers them.',
      }),
    },
  },
  // Tests describe scenarios in long tables and long it() blocks; their size limit is the file, not the function.
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: { 'max-lines-per-function': 'off' } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
