/** Command-line options of `npm run bench` (`npm run bench -- --help`). */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_DIR } from './build-extension';
import { REFERENCE_REV } from './reference-build';

export interface BenchOptions {
  /** Measured page loads per scenario. */
  runs: number;
  /** Page loads before those, not counted (the first load in a new browser compiles everything). */
  warmup: number;
  markjsRuns: number;
  /** mark.js on every term, or on every `markjsSampleEvery`-th term, scaled up. */
  markjsAllTerms: boolean;
  markjsSampleEvery: number;
  /** Existing chrome-mv3 build to use instead of building. */
  reuseBuild: string | null;
  /** Where to write raw traces, if anywhere. */
  tracesDir: string | null;
  reportPath: string;
  /** The big and busy pages (stress.ts): skip them, or run only them. */
  stress: 'yes' | 'no' | 'only';
  stressRuns: number;
  /** Only these stress pages (ids of stress-pages.ts), or all. */
  stressPages: string[] | null;
  /** Only these browsers for the big pages (chromium, firefox), or both. */
  stressBrowsers: ('chromium' | 'firefox')[] | null;
  /** Only the set-size comparison (data-on-demand.ts). */
  scaledOnly: boolean;
  timelineOnly: boolean;
  /** How many times larger the compared set is (1: an A/A run, to see the noise). */
  scaleFactor: number;
  /** The older revision measured with the build on the 1 MB page (reference-build.ts), or null. */
  reference: string | null;
}

export const USAGE = `npm run bench -- [options]

  --runs N             measured page loads per scenario (default 5)
  --warmup N           uncounted page loads first (default 1)
  --markjs-runs N      mark.js runs (default 3)
  --markjs-all-terms   run mark.js on all 2,000 terms (about 6 minutes a run on
                       2 cores) instead of every 10th term scaled up (default;
                       a lower bound for mark.js, which slows as it goes)
  --markjs-sample N    with the default, use every Nth term (default 10)
  --reuse-build [DIR]  measure an existing build (default .output/chrome-mv3)
                       instead of building into a temporary folder
  --traces DIR         keep every raw trace (open in DevTools) in DIR
  --report FILE        JSON report (default artifacts/bench/latest.json)
  --no-stress          leave out the big and busy pages (stress.ts)
  --stress-only        only the big and busy pages
  --stress-runs N      loads per big page, browser and with/without (default 3)
  --scaled-only        only the comparison with a set 20 times larger
  --timeline-only      only the popup's timeline and the print page (issue #17)
  --scale-factor N     compare with a set N times larger (default 20; 1 = A/A)
  --stress-pages A,B   only these big pages (ten-mb, edited-1mb, one-node-2mb,
                       nodes-200k, highlights-50k, storm-1mb)
  --stress-browsers A  only these browsers for the big pages (chromium,firefox;
                       default both)
  --reference REV      on the 1 MB page, measure the build of REV load after
                       load with this one (default ${REFERENCE_REV}; built once
                       in a git worktree, kept in artifacts/bench/reference/)
  --no-reference       measure the 1 MB page with this build alone
`;

function positiveInt(value: string | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return n;
}

function stressBrowserList(value: string): ('chromium' | 'firefox')[] {
  const names = value.split(',');
  for (const name of names) if (name !== 'chromium' && name !== 'firefox') throw new Error(`--stress-browsers: unknown browser ${name}`);
  return names as ('chromium' | 'firefox')[];
}

export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  // --reuse-build takes an optional folder: a bare flag means the default build.
  const args = argv.flatMap((arg, i) =>
    arg === '--reuse-build' && (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) ? ['--reuse-build=.output/chrome-mv3'] : [arg],
  );
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'markjs-runs': { type: 'string' },
      'markjs-all-terms': { type: 'boolean', default: false },
      'markjs-sample': { type: 'string' },
      'reuse-build': { type: 'string' },
      traces: { type: 'string' },
      report: { type: 'string' },
      'no-stress': { type: 'boolean', default: false },
      'stress-only': { type: 'boolean', default: false },
      'stress-runs': { type: 'string' },
      'stress-pages': { type: 'string' },
      'stress-browsers': { type: 'string' },
      'scaled-only': { type: 'boolean', default: false },
      'timeline-only': { type: 'boolean', default: false },
      'scale-factor': { type: 'string' },
      reference: { type: 'string' },
      'no-reference': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  return {
    runs: positiveInt(values.runs, 5, 'runs'),
    warmup: positiveInt(values.warmup, 1, 'warmup', 0),
    markjsRuns: positiveInt(values['markjs-runs'], 3, 'markjs-runs'),
    markjsAllTerms: values['markjs-all-terms'] ?? false,
    markjsSampleEvery: positiveInt(values['markjs-sample'], 10, 'markjs-sample'),
    reuseBuild: values['reuse-build'] ? resolve(PROJECT_DIR, values['reuse-build']) : null,
    tracesDir: values.traces ? resolve(values.traces) : null,
    reportPath: resolve(PROJECT_DIR, values.report ?? 'artifacts/bench/latest.json'),
    stress: values['stress-only'] ? 'only' : values['no-stress'] ? 'no' : 'yes',
    stressRuns: positiveInt(values['stress-runs'], 3, 'stress-runs'),
    stressPages: values['stress-pages'] ? values['stress-pages'].split(',') : null,
    stressBrowsers: values['stress-browsers'] ? stressBrowserList(values['stress-browsers']) : null,
    scaledOnly: values['scaled-only'] ?? false,
    timelineOnly: values['timeline-only'] ?? false,
    scaleFactor: positiveInt(values['scale-factor'], 20, 'scale-factor'),
    reference: values['no-reference'] ? null : (values.reference ?? REFERENCE_REV),
  };
}
