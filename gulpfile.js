const path = require('path');
const { task, src, dest } = require('gulp');

// Icons and codex files are not TypeScript, so tsc leaves them behind.
function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'icons/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:assets', copyAssets);
