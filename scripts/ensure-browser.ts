/**
 * Makes sure the browser the demo drives is installed: when its binary is
 * missing, installs Debian's package with apt-get (through sudo when not
 * root), as .ci/run does, saying each step; where that cannot work it
 * returns a message saying why and what to do instead.
 *
 * Everything that touches the machine goes through `System`, so the unit
 * tests run every path with a fake and never call apt-get.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserPackage {
  /** "Chromium", "Firefox ESR". */
  label: string;
  /** Where the demo launches it from (CHROMIUM_PATH / FIREFOX_PATH may override). */
  binary: string;
  /** Debian's package that provides `binary` at its default path. */
  aptPackage: string;
  /** The environment variable that points the demo at another binary. */
  pathVariable: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
}

export interface System {
  fileExists(path: string): boolean;
  /** Whether `name` is an executable on PATH. */
  commandExists(name: string): boolean;
  isRoot(): boolean;
  /** Runs a command with the terminal attached (apt's progress, sudo's password prompt); returns its exit status. */
  run(command: string, args: readonly string[]): number | null;
  log(line: string): void;
}

export type EnsureResult = { ok: true; installed: boolean } | { ok: false; message: string };

const manualInstall = (pkg: string, sudo = '') => `${sudo}apt-get update && ${sudo}apt-get install -y ${pkg}`;

export function ensureBrowser(browser: BrowserPackage, system: System): EnsureResult {
  const { label, binary, aptPackage, pathVariable } = browser;
  if (system.fileExists(binary)) return { ok: true, installed: false };

  if (!system.commandExists('apt-get')) {
    return {
      ok: false,
      message:
        `${label} is not installed (no ${binary}), and this machine has no apt-get, so the demo cannot install it.\n` +
        `Install ${label} with your system's package manager and point the demo at it: ${pathVariable}=/path/to/browser npm run demo`,
    };
  }
  const root = system.isRoot();
  if (!root && !system.commandExists('sudo')) {
    return {
      ok: false,
      message:
        `${label} is not installed (no ${binary}). Installing it needs root, and this user is not root and has no sudo.\n` +
        `As root, run:\n  ${manualInstall(aptPackage)}\nthen npm run demo again.`,
    };
  }

  // Commands as the reader would type them, so what is printed is what runs.
  const prefix = root ? [] : ['sudo'];
  const steps: string[][] = [
    [...prefix, 'apt-get', 'update'],
    [...prefix, 'apt-get', 'install', '-y', aptPackage],
  ];
  system.log(`${label} is not installed (no ${binary}). Installing Debian's ${aptPackage} package:`);
  for (const step of steps) {
    const line = step.join(' ');
    system.log(`  $ ${line}`);
    const status = system.run(step[0], step.slice(1));
    if (status !== 0) {
      return {
        ok: false,
        message: `"${line}" failed (${status === null ? 'it did not run' : `exit status ${status}`}); ${label} was not installed.\nFix the problem above, or install it yourself:\n  ${manualInstall(aptPackage, root ? '' : 'sudo ')}`,
      };
    }
  }
  if (!system.fileExists(binary)) {
    return {
      ok: false,
      message: `The ${aptPackage} package is installed, but there is still no ${binary}. If ${pathVariable} is set, point it at the installed browser or unset it.`,
    };
  }
  system.log(`Installed ${label}: ${binary}`);
  return { ok: true, installed: true };
}

function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // Not in this folder; try the next.
    }
  }
  return false;
}

/**
 * The real machine. DEBIAN_FRONTEND keeps debconf from asking questions
 * (tzdata's, on a fresh container) when run as root; sudo may reset the
 * environment, which is harmless where packages are already configured.
 */
export const realSystem: System = {
  fileExists: existsSync,
  commandExists: onPath,
  isRoot: () => process.getuid?.() === 0,
  run(command, args) {
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return result.error ? null : result.status;
  },
  log: (line) => console.log(line),
};
