import { describe, expect, it } from 'vitest';
import { ensureBrowser, type BrowserPackage, type System } from '../../scripts/ensure-browser';

const CHROMIUM: BrowserPackage = { label: 'Chromium', binary: '/usr/bin/chromium', aptPackage: 'chromium', pathVariable: 'CHROMIUM_PATH' };
const FIREFOX: BrowserPackage = { label: 'Firefox ESR', binary: '/usr/bin/firefox-esr', aptPackage: 'firefox-esr', pathVariable: 'FIREFOX_PATH' };

interface FakeMachine {
  files?: string[];
  commands?: string[];
  root?: boolean;
  /** Exit status per command line ("apt-get update"); 0 when not listed. */
  failures?: Record<string, number | null>;
  /** Files a successful command line creates (what apt-get install would put on disk). */
  creates?: Record<string, string>;
}

/** A machine where commands are recorded, never run. */
function fakeSystem(machine: FakeMachine): System & { ran: string[]; printed: string[] } {
  const files = new Set(machine.files ?? []);
  const ran: string[] = [];
  const printed: string[] = [];
  return {
    ran,
    printed,
    fileExists: (path) => files.has(path),
    commandExists: (name) => (machine.commands ?? []).includes(name),
    isRoot: () => machine.root ?? false,
    run(command, args) {
      const line = [command, ...args].join(' ');
      ran.push(line);
      const status = machine.failures && line in machine.failures ? machine.failures[line] : 0;
      const created = machine.creates?.[line];
      if (status === 0 && created) files.add(created);
      return status;
    },
    log: (line) => printed.push(line),
  };
}

describe('ensureBrowser', () => {
  it('does nothing when the browser is already there', () => {
    const system = fakeSystem({ files: ['/usr/bin/chromium'], commands: ['apt-get'], root: true });
    expect(ensureBrowser(CHROMIUM, system)).toEqual({ ok: true, installed: false });
    expect(system.ran).toEqual([]);
    expect(system.printed).toEqual([]);
  });

  it('as root: apt-get update, then apt-get install -y chromium, printing each command', () => {
    const system = fakeSystem({ commands: ['apt-get'], root: true, creates: { 'apt-get install -y chromium': '/usr/bin/chromium' } });
    expect(ensureBrowser(CHROMIUM, system)).toEqual({ ok: true, installed: true });
    expect(system.ran).toEqual(['apt-get update', 'apt-get install -y chromium']);
    expect(system.printed).toEqual([
      "Chromium is not installed (no /usr/bin/chromium). Installing Debian's chromium package:",
      '  $ apt-get update',
      '  $ apt-get install -y chromium',
      'Installed Chromium: /usr/bin/chromium',
    ]);
  });

  it('not root but with sudo: the same commands through sudo, Firefox ESR with --firefox', () => {
    const system = fakeSystem({
      commands: ['apt-get', 'sudo'],
      root: false,
      creates: { 'sudo apt-get install -y firefox-esr': '/usr/bin/firefox-esr' },
    });
    expect(ensureBrowser(FIREFOX, system)).toEqual({ ok: true, installed: true });
    expect(system.ran).toEqual(['sudo apt-get update', 'sudo apt-get install -y firefox-esr']);
  });

  it('fails clearly without apt-get, running nothing', () => {
    const system = fakeSystem({ commands: ['sudo'], root: false });
    const result = ensureBrowser(CHROMIUM, system);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('no apt-get');
    expect(result.message).toContain('CHROMIUM_PATH=/path/to/browser npm run demo');
    expect(system.ran).toEqual([]);
  });

  it('fails clearly when not root and there is no sudo, giving the line to run as root', () => {
    const system = fakeSystem({ commands: ['apt-get'], root: false });
    const result = ensureBrowser(FIREFOX, system);
    expect(result).toEqual({
      ok: false,
      message:
        'Firefox ESR is not installed (no /usr/bin/firefox-esr). Installing it needs root, and this user is not root and has no sudo.\n' +
        'As root, run:\n  apt-get update && apt-get install -y firefox-esr\nthen npm run demo again.',
    });
    expect(system.ran).toEqual([]);
  });

  it('stops at a failed apt-get update and names the command and its exit status', () => {
    const system = fakeSystem({ commands: ['apt-get', 'sudo'], root: false, failures: { 'sudo apt-get update': 100 } });
    const result = ensureBrowser(CHROMIUM, system);
    expect(system.ran).toEqual(['sudo apt-get update']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^"sudo apt-get update" failed \(exit status 100\); Chromium was not installed\./);
    expect(result.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('reports an install that could not start (e.g. sudo killed) as not run', () => {
    const system = fakeSystem({ commands: ['apt-get'], root: true, failures: { 'apt-get install -y chromium': null } });
    const result = ensureBrowser(CHROMIUM, system);
    expect(system.ran).toEqual(['apt-get update', 'apt-get install -y chromium']);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('"apt-get install -y chromium" failed (it did not run)') });
  });

  it('fails when the package installed but the binary the demo launches is still missing (a custom CHROMIUM_PATH)', () => {
    const custom = { ...CHROMIUM, binary: '/opt/chromium/chrome' };
    const system = fakeSystem({ commands: ['apt-get'], root: true, creates: { 'apt-get install -y chromium': '/usr/bin/chromium' } });
    const result = ensureBrowser(custom, system);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('there is still no /opt/chromium/chrome') });
    expect(result).toMatchObject({ message: expect.stringContaining('CHROMIUM_PATH') });
  });
});
