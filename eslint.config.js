// @ts-check
import js from '@eslint/js'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/** Domain folders: HTTP-free, configuration-free, below every entry point (STYLE.md §1). */
const domain = [
  'content',
  'auth',
  'comments',
  'contact',
  'newsletter',
  'search',
  'media',
  'mail',
  'analytics',
  'settings',
  'queue',
  'text',
  'net',
  'wire',
  'provenance',
  'integrations',
]
/**
 * Entry points and clients of the domain: they come in by HTTP, command, time or file, and reach
 * the domain only through its use cases and read models (DESIGN.md, "The domain's front door").
 */
const entryPoints = [
  'site',
  'admin',
  'api',
  'feeds',
  'jobs',
  'cli',
  'demo',
  'importers/writer',
  'importers/export',
  'importers/backup',
]
/** The database engine is chosen once, where the app is assembled (services.ts). */
const oneDialect = {
  selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name='dialect']",
  message: 'Pick the dialect once, in services.ts; services receive an implementation.',
}

/** What entry points leave to the use cases: the database, the audit log and the events. */
const frontDoor = [
  oneDialect,
  {
    selector: "MemberExpression[property.name='db']",
    message: 'Entry points pass their deps on; they never reach for the database handle.',
  },
  {
    selector: "CallExpression[callee.name='recordAudit']",
    message: 'Use cases write their own audit entries.',
  },
  {
    selector: "CallExpression[callee.property.name='emit']",
    message: 'Use cases announce their own events, after their commit.',
  },
]
/** Entry points that answer one request or command with one use case: no transactions of their own. */
const singleStepEntryPoints = ['site', 'admin', 'api', 'feeds', 'jobs', 'cli']

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
      // Security (issue 17): no code from strings, no javascript: URLs, no raw SQL or HTML sinks.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'sql',
          property: 'raw',
          message: 'sql.raw splices text into SQL: pass values as sql`…${value}` parameters.',
        },
        {
          property: 'innerHTML',
          message: 'Build nodes (textContent, append) instead of parsing a string as HTML.',
        },
        { property: 'outerHTML', message: 'Build nodes instead of parsing a string as HTML.' },
        {
          property: 'insertAdjacentHTML',
          message: 'Build nodes instead of parsing a string as HTML.',
        },
        { object: 'document', property: 'write', message: 'Never document.write.' },
      ],
    },
  },
  {
    // Tests feed `javascript:` URLs to the code as hostile input, to prove it refuses them.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { 'no-script-url': 'off' },
  },
  ...domainRules,
  {
    // Entry points reach the domain through each folder's index.ts: never a repository, never
    // the database or its types, not even type-only (rule 2 and the front door).
    files: entryPoints.map((folder) => `src/${folder}/**/*.{ts,tsx}`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/*.repository.js',
                '**/*.table.js',
                '**/db/database.js',
                '**/db/dialects/*',
              ],
              message:
                'Entry points call use cases and read models (a domain index.ts), never repositories or the Database type.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...frontDoor],
    },
  },
  {
    // A request or a command is one use case: the use case opens the transaction, not the route.
    files: singleStepEntryPoints.map((folder) => `src/${folder}/**/*.{ts,tsx}`),
    rules: {
      'no-restricted-syntax': [
        'error',
        ...frontDoor,
        {
          selector: "CallExpression[callee.name='transact']",
          message: 'Only use cases open transactions.',
        },
      ],
    },
  },
  {
    // A domain's public surface exports use cases, read models and types, never a repository.
    files: ['src/*/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*.repository.js'],
              allowTypeImports: true,
              message: 'index.ts exports use cases and read models; wrap the repository read.',
            },
          ],
        },
      ],
    },
  },
  {
    // The database engine is chosen once, where the app is assembled.
    files: domain.map((folder) => `src/${folder}/**/*.{ts,tsx}`),
    rules: { 'no-restricted-syntax': ['error', oneDialect] },
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
