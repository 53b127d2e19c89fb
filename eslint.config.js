// `npm run lint`. Besides a few bug-catching rules it enforces the layers of docs/architecture.md:
// what each folder may import, workflow code kept to the sandbox, and SQL only in repositories.
import tseslint from 'typescript-eslint';
import { layers } from './scripts/eslint/layers.js';

const noSqlHere = (where) => ({
  selector: "TaggedTemplateExpression[tag.name=/^(sql|tx)$/], TaggedTemplateExpression[tag.property.name='sql']",
  message: `No SQL in ${where}: put it in a repository under src/repos/ and call it through a service.`,
});
const noTransactionHere = (where) => ({
  selector: "CallExpression[callee.property.name='begin']",
  message: `No transaction in ${where}: transactions live in services (src/<lifecycle>/, src/platform/).`,
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', '.tools/**', '.test-data/**', '.bench-data/**', 'client/**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, partnerflow: { rules: { layers } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': 'off',
      'partnerflow/layers': 'error',
    },
  },
  { files: ['api/**/*.ts', 'api/**/*.tsx'], rules: { 'no-restricted-syntax': ['error', noSqlHere('the HTTP layer'), noTransactionHere('the HTTP layer')] } },
  { files: ['activities/**/*.ts'], rules: { 'no-restricted-syntax': ['error', noSqlHere('activities')] } },
  { files: ['workflows/**/*.ts', 'src/domain/**/*.ts'], rules: { 'no-restricted-syntax': ['error', noSqlHere('pure code')] } },
);
