// Lint rules of the house (issue 15): promises are awaited or explicitly voided, no import cycle, files stay
// short, and the layering holds — the domain (src/nlu, diagnostic, knowledge, handoff, privacy) imports
// neither botbuilder nor dialogs/. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const DOMAIN = [
  'src/nlu/**',
  'src/diagnostic/**',
  'src/knowledge/**',
  'src/handoff/**',
  'src/privacy/**',
  'src/followup/**',
  'src/dashboard/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/vendor/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: DOMAIN.map((d) => `${d.replace('/**', '')}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
              message: 'The domain never imports botbuilder: keep it at the edge (src/bot, src/server, dialogs/).',
            },
            { group: ['**/dialogs/**', '../../dialogs/*', '../dialogs/*'], message: 'The domain never imports dialogs/.' },
          ],
        },
      ],
    },
  },
);
