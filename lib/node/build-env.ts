/**
 * The environment a maintainer builds in, for builds started from a test or
 * the demo: without vitest's NODE_ENV=test (and its VITEST* variables), with
 * which Vite keeps development-only code (about 1 KB more gzipped in the
 * content script). A build made under the e2e suite must be the real one: the
 * suites after it test whatever is in .output.
 */
export function maintainerBuildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}
