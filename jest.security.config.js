// Security tests (`npm run test:security`, also run by .ci/run): one test per hole found by attacking a
// running copy — real sockets, real restify, real gzip, real files. Not part of `npm test`.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/security/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
  maxWorkers: 1,
};
