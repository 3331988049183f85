// ESLint (flat config) with typescript-eslint's recommended rules; `npm run lint` is part of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'scripts/**', 'esbuild.js', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The test-runner extension is plain CommonJS, loaded by the extension host as it is.
    files: ['test/extension-host/runner/*.js', 'test/bench/window-floor/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', exports: 'writable', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Text the user reads goes through vscode.l10n.t (extension) or l10n.t from @vscode/l10n (plain-Node layers,
    // webview pages), so a translation is a file (l10n/bundle.l10n.<locale>.json) and not a code change.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^show(Information|Warning|Error)Message$/] > :matches(Literal[value=/[A-Za-z]/], TemplateLiteral)",
          message: 'Wrap text shown to the user in vscode.l10n.t(…).',
        },
        {
          selector: "Property[key.name=/^(title|prompt|placeHolder|tooltip|validationMessage)$/] > :matches(Literal[value=/[A-Za-z]{2}/], TemplateLiteral)",
          message: 'Wrap text shown to the user in vscode.l10n.t(…) or l10n.t(…).',
        },
        {
          selector: "NewExpression[callee.property.name='TreeItem'] > :matches(Literal, TemplateLiteral):first-child",
          message: 'Wrap a tree label in vscode.l10n.t(…).',
        },
      ],
    },
  },
);
