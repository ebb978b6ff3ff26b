// Lint rules, and the process boundaries they guard: shared code and the renderer must not
// reach Node, Electron or the database; the core (src/main outside electron/ and index.ts)
// must not import Electron at runtime, so it runs under plain Node for web mode and tests.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'worker_threads',
  'stream',
]
const backendOnly = {
  paths: [
    ...['electron', 'typeorm', 'better-sqlite3', 'exceljs', 'pdfmake'].map((name) => ({
      name,
      message: 'Not in this process: shared code and the renderer reach the core only through the API contract.',
    })),
    ...NODE_BUILTINS.map((name) => ({ name, message: 'No Node built-ins in shared code or the renderer.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'No Node built-ins in shared code or the renderer.' },
    { group: ['pdfmake/*', 'exceljs/*', 'typeorm/*'], message: 'Not in this process.' },
    { group: ['**/main/**', '**/preload/**'], message: 'Import from src/shared, never from another process.' },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...backendOnly,
          patterns: [
            ...backendOnly.patterns,
            { group: ['react', 'react-dom', 'antd'], message: 'Shared code has no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', backendOnly] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core runs without Electron; put Electron code in src/main/electron/.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
)
