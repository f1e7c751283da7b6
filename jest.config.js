/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// The end-to-end suite starts a real n8n and has its own config (jest.e2e.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	// Transpile only (isolatedModules): types are checked by `npm run typecheck`, and a full
	// type check of n8n-workflow's types on every run makes a test file about 4x slower.
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/helpers/tsconfig.jest.json' }],
	},
	// Gives every test file its own N8N_USER_FOLDER before n8n-core is imported.
	setupFilesAfterEnv: ['<rootDir>/test/helpers/jest-setup.ts'],
	// A workflow run is 5-15 ms warm, but the first one in a file loads the engine.
	testTimeout: 30_000,
};
