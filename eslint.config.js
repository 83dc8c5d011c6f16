// @ts-check
import js from '@eslint/js'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

const domain = [
  'content',
  'auth',
  'comments',
  'newsletter',
  'search',
  'media',
  'mail',
  'analytics',
  'settings',
  'net',
  'wire',
]
const httpish = ['fastify', 'fastify-plugin', '@fastify/*']

/** Domain folders never import HTTP, entry points or config (STYLE.md §1, rule 1). */
const domainRules = domain.map((folder) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: httpish, message: 'The domain is HTTP-free.' },
          {
            group: [
              '**/http/*',
              '**/site/*',
              '**/admin/*',
              '**/api/*',
              '**/feeds/*',
              '**/jobs/*',
              '**/cli/*',
              '**/cache/*',
            ],
            message: 'Domain code must not import entry points or HTTP plumbing.',
          },
          { group: ['**/config.js'], message: 'Domain code receives what it needs as arguments.' },
        ],
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'artifacts/', 'coverage/', 'public/**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js', 'public/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-default-export': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...domainRules,
  {
    // Routes and entry points reach the domain through each folder's index.ts (rule 2).
    files: [
      'src/site/**/*.{ts,tsx}',
      'src/admin/**/*.{ts,tsx}',
      'src/api/**/*.ts',
      'src/feeds/**/*.ts',
      'src/jobs/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.repository.js', '**/db/*', '**/db/**'],
              message: 'Entry points use domain services through index.ts, never the database.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', 'eslint.config.js', 'vitest.config.ts', 'test/support/global-setup.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
)
