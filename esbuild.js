// Bundles the extension for the extension host as an ES module (VS Code ≥ 1.100 loads `.mjs` mains), split
// so that what activation needs is one file and each feature used later (zone files, ordering, the webview
// panels) is a chunk loaded by its first `import()`.
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
const { bundleSizes } = require('./scripts/bundleSizes');
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
  entryPoints: { details: 'src/webviews/page/details.ts', ticket: 'src/webviews/page/ticket.ts', order: 'src/webviews/page/order.ts', invoice: 'src/webviews/page/invoice.ts', form: 'src/webviews/page/form.ts' },
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
  fs.rmSync(path.join(__dirname, 'dist', 'chunks'), { recursive: true, force: true });
  const pages = await esbuild.context(pageOptions);
  const context = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // undici is CommonJS and requires Node's built-ins: give the module a `require` of its own.
    banner: { js: "import { createRequire as __cpRequire } from 'node:module'; const require = __cpRequire(import.meta.url);" },
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
  fs.writeFileSync(path.join(__dirname, 'dist', 'extension.meta.json'), JSON.stringify(result.metafile));
  const pageBytes = Object.entries(pageResult.metafile.outputs).filter(([f]) => f.endsWith('.js')).reduce((sum, [, o]) => sum + o.bytes, 0);
  const sizes = bundleSizes();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`extension: ${kb(sizes.activation)} loaded on activation (${sizes.activationFiles.length} files), ${kb(sizes.lazy)} on first use (${sizes.lazyFiles.length} chunks); webview pages: ${kb(pageBytes)}${production ? ' (production)' : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
