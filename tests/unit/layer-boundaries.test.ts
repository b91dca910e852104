import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The boundary errors `npm run check` would report for `code` saved at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'layers/import-boundaries').map((m) => m.message);
}

// The first lint loads the TypeScript parser: seconds on a busy two-core machine.
describe('layer boundaries (npm run check)', { timeout: 30_000 }, () => {
  it('fails a page-side module that imports Node-only code', async () => {
    const errors = await boundaryErrors('lib/content/new-module.ts', "import { validateAnnotationData } from '../node/data-check/validate';\n");
    expect(errors).toEqual([expect.stringContaining('content code may not import node code')]);
  });

  it('fails shared code that reaches into the page layer or uses a Node built-in', async () => {
    const errors = await boundaryErrors(
      'lib/shared/text/new-module.ts',
      "import { readFileSync } from 'node:fs';\nimport { textIndexSteps } from '../../content/text-index';\n",
    );
    expect(errors).toEqual([expect.stringContaining('"node:fs" is not a package the extension ships'), expect.stringContaining('shared code may not import content code')]);
  });

  it('fails the card UI (shipped in the page) importing the popup layer', async () => {
    const errors = await boundaryErrors('components/card/NewPart.tsx', "import { openPage } from '../../lib/extension/popup/open-page';\n");
    expect(errors).toEqual([expect.stringContaining('card-components code may not import extension code')]);
  });

  it('accepts the imports the layers allow', async () => {
    expect(await boundaryErrors('lib/content/new-module.ts', "import { h } from 'preact';\nimport { normalizeText } from '../shared/text/normalize';\n")).toEqual([]);
    expect(await boundaryErrors('lib/node/new-module.ts', "import { readFileSync } from 'node:fs';\nimport { textIndexSteps } from '../content/text-index';\n")).toEqual([]);
  });

});
