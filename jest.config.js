/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  collectCoverageFrom: ['lambda/**/*.ts', 'tools/**/*.ts', 'infra/**/*.ts'],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary'],
  testTimeout: 30000,
};
