// ESLint: TypeScript rules plus the project's layering (web never reaches the database or the server;
// only the server's repositories/plugins, the loader's writer and the neo4j/ launcher import neo4j-driver).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const driverBan = {
  paths: [{ name: 'neo4j-driver', message: 'Only server/repositories, loader/write, neo4j/, cypher/ runners, tests and benchmarks talk to Neo4j.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'neo4j/target/**', '.data/**', '.tmp/**', 'test-results/**', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: driverBan.paths,
        patterns: [{ group: ['**/server/**', '**/loader/**', '**/neo4j/**', '**/cypher/**'], message: 'The web app only speaks HTTP to the server.' }],
      }],
    },
  },
  {
    files: ['loader/formats/**', 'loader/resolve/**', 'loader/analyse/**', 'loader/types.ts', 'loader/read.ts', 'server/routes/**', 'server/plugins/problems.ts', 'server/config.ts', 'server/errors.ts'],
    rules: { 'no-restricted-imports': ['error', driverBan] },
  },
);
