/**
 * An older build of Backstory, measured on the 1 MB page load after load
 * with the build under test, so that the two figures share one machine state.
 *
 * Why: the same build's figures drift with this shared machine far more
 * than most changes move them. The build of 27 November 2026 (cec8307, the
 * last measured within the 1 MB page's 100 ms, at 61.5-79.9 ms, when issue
 * #16 asked for "everything else in the benchmark as good as today")
 * measured 168-276 ms on 2 December 2026 under the same benchmark
 * (docs/performance-log.md). Only a comparison in the same run can say
 * whether a build is as good as that one.
 *
 * The build is made once per revision in a temporary git worktree of this
 * repository (`npm ci`, then that revision's own `wxt build`), and kept in
 * artifacts/bench/reference/ for later runs.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBuild, PROJECT_DIR, runCommand } from './build-extension';

/** The revision compared with by default (see above). */
export const REFERENCE_REV = 'cec8307';

export interface ReferenceBuild {
  /** The full commit id. */
  commit: string;
  /** Its commit date (ISO). */
  date: string;
  /** Its chrome-mv3 folder. */
  dir: string;
}

/** The chrome-mv3 build of `rev`, made on first use and kept for later runs. */
export async function referenceBuild(rev: string, log: (message: string) => void): Promise<ReferenceBuild> {
  const commit = await runCommand('git', ['rev-parse', '--verify', `${rev}^{commit}`], PROJECT_DIR);
  const date = await runCommand('git', ['show', '-s', '--format=%cI', commit], PROJECT_DIR);
  const outDir = join(PROJECT_DIR, 'artifacts', 'bench', 'reference', commit);
  const dir = join(outDir, 'chrome-mv3');
  if (existsSync(join(dir, 'manifest.json'))) return { commit, date, dir: checkBuild(dir) };
  log(`  building ${rev} (${commit.slice(0, 12)}) in a temporary worktree: npm ci, wxt build (once; kept in ${outDir})...`);
  const worktree = join(mkdtempSync(join(tmpdir(), 'backstory-bench-reference-')), 'tree');
  await runCommand('git', ['worktree', 'add', '--detach', worktree, commit], PROJECT_DIR);
  try {
    await runCommand('npm', ['ci', '--no-audit', '--no-fund'], worktree);
    mkdirSync(outDir, { recursive: true });
    await runCommand('npx', ['wxt', 'build'], worktree, { ...process.env, BACKSTORY_OUT_DIR: outDir });
  } finally {
    await runCommand('git', ['worktree', 'remove', '--force', worktree], PROJECT_DIR).catch(() => undefined);
    rmSync(join(worktree, '..'), { recursive: true, force: true });
  }
  return { commit, date, dir: checkBuild(dir) };
}
