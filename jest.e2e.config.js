/**
 * End-to-end suite: the packed package inside real n8n installs (1.123.x on Node.js 20,
 * 2.40.x on Node.js 24). Run with `npm run test:e2e` after `npm run build`.
 * PATCHWORKS_E2E_N8N=2.40 (or 1.123) runs one line only.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	// Installs both n8n lines at once and packs the package once for every test file.
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	// A cold install of one n8n line takes about 5 minutes; a warm test about 10 seconds.
	testTimeout: 20 * 60_000,
};
