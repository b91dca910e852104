// Layer boundaries, checked by `npm run check` (ESLint runs only this rule).
//
// lib/ is split by where code runs (docs/decisions/0030-layers-by-where-code-runs.md):
//   lib/shared     pure logic that runs anywhere (page, extension pages, background, Node)
//   lib/content    runs in the publisher's page (the content script)
//   lib/extension  runs in the popup, the extension's own pages and the background
//   lib/node       runs only in Node: the build, the data check, the browser harness
// and components/ likewise: components/card (the card and highlights, in the
// page) and components/ (the popup and the extension's pages).
// A module may import only from the layers listed for it below, and code that
// ships in the extension may import only the packages listed in SHIPPED_PACKAGES.
// The rule resolves each relative import to a file, so moving a file cannot
// slip past a pattern written for the old path.
import { dirname, relative, resolve } from 'node:path';
import tsParser from '@typescript-eslint/parser';

const ROOT = import.meta.dirname;

/** Layer of a project file, by path (null: not part of a shipped layer, e.g. tests, bench, scripts). */
function layerOf(file) {
  const rel = relative(ROOT, file).split('\\').join('/');
  if (rel.startsWith('lib/shared/')) return 'shared';
  if (rel.startsWith('lib/content/')) return 'content';
  if (rel.startsWith('lib/extension/')) return 'extension';
  if (rel.startsWith('lib/node/')) return 'node';
  if (rel.startsWith('components/card/')) return 'card-components';
  if (rel.startsWith('components/')) return 'components';
  // The content scripts: the engine and the card's UI (card-ui.js runs in the page with it).
  if (rel === 'entrypoints/content.ts' || rel === 'entrypoints/card-ui.ts' || rel.startsWith('entrypoints/content/')) return 'content-entry';
  if (rel.startsWith('entrypoints/')) return 'extension-entry';
  if (rel.startsWith('data/')) return 'data';
  return null;
}

/** What each shipped layer may import. */
const ALLOWED = {
  shared: ['shared', 'data'],
  // The card and highlight UI, rendered in the page (and reused by the print page).
  'card-components': ['card-components', 'shared'],
  // The popup's and the extension pages' UI.
  components: ['components', 'card-components', 'extension', 'shared'],
  content: ['content', 'shared', 'card-components'],
  extension: ['extension', 'shared', 'components', 'card-components', 'data'],
  'content-entry': ['content', 'shared', 'card-components'],
  'extension-entry': ['extension', 'shared', 'components', 'card-components'],
};

/** Packages code in the extension may use (everything else is build- or test-time only). */
const SHIPPED_PACKAGES = ['preact', 'preact/hooks', '@floating-ui/core', 'approx-string-match', 'wxt/browser', 'webextension-polyfill'];

const layers = {
  rules: {
    'import-boundaries': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = layerOf(context.filename);
        const allowed = from ? ALLOWED[from] : undefined;
        if (!allowed) return {};
        const check = (node) => {
          const spec = node.source && node.source.value;
          if (typeof spec !== 'string') return;
          if (spec.startsWith('.')) {
            const target = layerOf(resolve(dirname(context.filename), spec.split('?')[0]));
            if (target && !allowed.includes(target)) {
              context.report({ node: node.source, message: `${from} code may not import ${target} code ("${spec}"); see eslint.config.js for the layers.` });
            }
          } else if (!SHIPPED_PACKAGES.includes(spec)) {
            context.report({ node: node.source, message: `"${spec}" is not a package the extension ships; ${from} code may use only: ${SHIPPED_PACKAGES.join(', ')}.` });
          }
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};

export default [
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'docs/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { layers },
    rules: { 'layers/import-boundaries': 'error' },
  },
];
