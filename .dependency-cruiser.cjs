// The layers, enforced (npm test runs `npm run deps`). See docs/ARCHITECTURE.md.
//   api → (nothing of ours)          the portal client, plain Node
//   accounts, model → api            plain Node
//   views, commands, webviews, feature folders → model, accounts, api
//   extension.ts wires everything
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules that import each other cannot be understood or tested one at a time.', from: {}, to: { circular: true } },
    { name: 'plain-node-without-vscode', severity: 'error', comment: 'The client, accounts, model, utilities and SSH file handling run (and are tested) without VS Code.', from: { path: '^src/(api|accounts|model|util|ssh)/' }, to: { path: '^node_modules/@types/vscode/', dependencyTypesNot: ['type-only'] } },
    { name: 'api-is-the-bottom', severity: 'error', comment: 'The portal client knows nothing above it.', from: { path: '^src/api/' }, to: { path: '^src/(?!api/|util/)' } },
    { name: 'model-below-the-ui', severity: 'error', comment: 'Accounts and the model do not reach up into views, commands, webviews or features.', from: { path: '^src/(accounts|model)/' }, to: { path: '^src/(views|commands|webviews|ui|ordering|zones|tickets|billing|notifications|ssh)/|^src/(extension|ctx|services)\\.ts$' } },
    { name: 'views-do-not-run-commands', severity: 'error', comment: 'Views show; commands act. A view refers to a command by its id only.', from: { path: '^src/views/' }, to: { path: '^src/commands/' } },
    { name: 'only-extension-wires', severity: 'error', comment: 'Nothing imports the entry point.', from: {}, to: { path: '^src/extension\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/webviews/page/' },
    tsPreCompilationDeps: true,
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^(src/|node_modules/@types/vscode/)',
  },
};
