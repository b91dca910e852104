/**
 * The Hypothesis client's own anchoring test data, read where the project's
 * checkout keeps it (`../shared/peer/hypothesis/` beside the repository;
 * see its NOTICE for origin and licence). It is never copied into the
 * project: tests read it at test time. A git worktree's `..` is not the
 * main checkout's, so the main checkout's sibling is tried too;
 * BACKSTORY_PEER_DIR overrides both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The main checkout of a git worktree (its `.git` file names `<main>/.git/worktrees/<name>`), or null. */
function mainCheckout(): string | null {
  const dotGit = join(REPO_ROOT, '.git');
  try {
    const match = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    return match ? resolve(dirname(resolve(REPO_ROOT, match[1].trim())), '../..') : null;
  } catch {
    return null; // .git is a folder: this is the main checkout
  }
}

export function peerDir(): string {
  const candidates = [
    process.env.BACKSTORY_PEER_DIR,
    join(REPO_ROOT, '../shared/peer/hypothesis'),
    ...[mainCheckout()].filter((d): d is string => d !== null).map((main) => join(main, '../shared/peer/hypothesis')),
  ].filter((d): d is string => !!d);
  const found = candidates.find((dir) => existsSync(join(dir, 'NOTICE')));
  if (!found) throw new Error(`Hypothesis' anchoring data not found (looked in ${candidates.join(', ')}); set BACKSTORY_PEER_DIR`);
  return found;
}

export function readPeerFile(name: string): string {
  return readFileSync(join(peerDir(), name), 'utf8');
}

export function readPeerJson<T>(name: string): T {
  return JSON.parse(readPeerFile(name)) as T;
}
