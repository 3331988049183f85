// What the extension bundle weighs, from the metafile esbuild.js writes next to it (dist/extension.meta.json):
// the code activation loads (the entry and every chunk it imports statically, transitively) and the code
// loaded later by `import()` (zone files, ordering, the webview panels), each in bytes as shipped.
const fs = require('fs');
const path = require('path');

/** @returns {{ activation: number, activationFiles: string[], lazy: number, lazyFiles: string[], total: number }} */
function bundleSizes(root = path.join(__dirname, '..')) {
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'extension.meta.json'), 'utf8'));
  const outputs = Object.fromEntries(Object.entries(meta.outputs).filter(([file]) => file.endsWith('.mjs')));
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'src/extension.ts');
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const size = (file) => fs.statSync(path.join(root, file)).size;
  const activationFiles = [...eager];
  const lazyFiles = Object.keys(outputs).filter((file) => !eager.has(file));
  const sum = (files) => files.reduce((n, file) => n + size(file), 0);
  return { activation: sum(activationFiles), activationFiles, lazy: sum(lazyFiles), lazyFiles, total: sum(Object.keys(outputs)) };
}

module.exports = { bundleSizes };
