// Browser tests (Debian's Chromium driven by playwright-core). Run by `npm run test:e2e` and by .ci/run.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 90000,
  maxWorkers: 1,
};
