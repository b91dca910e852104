/**
 * Marks the content script for eager compilation with V8's explicit compile
 * hint (https://v8.dev/blog/explicit-compile-hints, Chrome 136+).
 *
 * Without it V8 compiles each function lazily the first time it is called,
 * on the main thread, in the middle of annotating the page; with it the
 * functions are compiled with the script, before its first line runs (and
 * partly off the main thread). Other engines ignore the comment.
 * It must come first in the file and survive minification, so it is added
 * after the minifier has run.
 */
import type { Plugin } from 'vite';

const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(fileNames: readonly string[]): Plugin {
  return {
    name: 'backstory:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !fileNames.includes(file.fileName)) continue;
        file.code = COMPILE_HINT + file.code;
        // Source maps (profiling builds) move down one line with the code.
        const mapFile = bundle[`${file.fileName}.map`];
        if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
          const map = JSON.parse(mapFile.source) as { mappings: string };
          mapFile.source = JSON.stringify({ ...map, mappings: `;${map.mappings}` });
        }
      }
    },
  };
}
