// Bundles the extension into one CommonJS file for the extension host.
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps (what `npm run package` ships)
//   node esbuild.js --watch       rebuild on change
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build results in the format VS Code's esbuild problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const fs = require('fs');
const { undiciTrim } = require('./scripts/undiciTrim');
const path = require('path');

/** Copies the codicon font and stylesheet next to the webview bundles. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'webview');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
}

/** The webview pages: browser bundles, one per page. */
const pageOptions = {
  entryPoints: { details: 'src/webviews/page/details.ts', ticket: 'src/webviews/page/ticket.ts', order: 'src/webviews/page/order.ts', invoice: 'src/webviews/page/invoice.ts' },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: !production,
  outdir: 'dist/webview',
  logLevel: 'silent',
  metafile: true,
  plugins: [problemMatcher],
};

async function main() {
  copyCodicons();
  const pages = await esbuild.context(pageOptions);
  const context = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    outfile: 'dist/extension.js',
    charset: 'utf8',
    external: ['vscode'],
    logLevel: 'silent',
    metafile: true,
    plugins: [undiciTrim, problemMatcher],
  });
  if (watch) {
    await Promise.all([context.watch(), pages.watch()]);
    return;
  }
  const [result, pageResult] = await Promise.all([context.rebuild(), pages.rebuild()]);
  await Promise.all([context.dispose(), pages.dispose()]);
  const size = (r) => Object.entries(r.metafile.outputs).filter(([f]) => f.endsWith('.js')).reduce((sum, [, o]) => sum + o.bytes, 0);
  console.log(`dist/extension.js: ${(size(result) / 1024).toFixed(1)} KB, dist/webview: ${(size(pageResult) / 1024).toFixed(1)} KB${production ? ' (production)' : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
