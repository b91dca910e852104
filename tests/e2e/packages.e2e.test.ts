/**
 * Store packages: `npm run zip` / `zip:firefox` produce the archives the
 * Chrome Web Store and addons.mozilla.org take, the sources archive rebuilds
 * to the very same files, and `web-ext lint` finds no error and only the
 * warnings README explains.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainerBuildEnv } from '../../lib/node/build-env';
import { REPO_ROOT } from '../../lib/node/harness/paths';

const work = mkdtempSync(join(tmpdir(), 'backstory-packages-'));
const zipOut = join(work, 'zipped');
const buildEnv = maintainerBuildEnv();
const npx = (args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT) =>
  execFileSync('npx', args, { cwd, env: { ...buildEnv, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

const archive = (suffix: string) => {
  const name = readdirSync(zipOut).find((f) => f.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in ${zipOut}`);
  return join(zipOut, name);
};

beforeAll(() => {
  // The same commands as `npm run zip` and `npm run zip:firefox`, into a folder of their own.
  npx(['wxt', 'zip'], { BACKSTORY_OUT_DIR: zipOut });
  npx(['wxt', 'zip', '-b', 'firefox'], { BACKSTORY_OUT_DIR: zipOut });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('store packages', () => {
  it('the Chrome archive holds a Manifest V3 extension whose service worker, not the content script, has the data', async () => {
    const files = await unzip(archive('-chrome.zip'));
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toBeUndefined();
    // The card's UI runs first, then the engine, in one script world (lib/content/card-ui-slot.ts).
    expect(manifest.content_scripts[0].js).toEqual(['card-ui.js', 'content-scripts/content.js']);
    expect(files.has('card-ui.js')).toBe(true);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(files.get('background.js')!.toString()).toContain('importScripts("/annotation-data.js")');
    expect(files.has('annotation-data.js')).toBe(true);
    for (const icon of Object.values(manifest.icons) as string[]) expect(files.has(icon)).toBe(true);
    expect(files.has('_locales/en/messages.json')).toBe(true);
  });

  it('the sources archive rebuilds to exactly the files of the Firefox archive', async () => {
    const sources = await unzip(archive('-sources.zip'));
    expect(sources.get('package-lock.json')!.equals(readFileSync(join(REPO_ROOT, 'package-lock.json')))).toBe(true);
    const rebuild = join(work, 'sources');
    for (const [name, content] of sources) {
      const target = join(rebuild, name);
      execFileSync('mkdir', ['-p', join(target, '..')]);
      execFileSync('tee', [target], { input: content, stdio: ['pipe', 'ignore', 'inherit'] });
    }
    // Same lock file, so the project's installed packages stand in for `npm ci`.
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(rebuild, 'node_modules'));
    npx(['wxt', 'build', '-b', 'firefox'], { BACKSTORY_OUT_DIR: join(work, 'rebuilt') }, rebuild);
    const rebuilt = readTree(join(work, 'rebuilt', 'firefox-mv2'));
    const shipped = await unzip(archive('-firefox.zip'));
    expect([...rebuilt.keys()].sort()).toEqual([...shipped.keys()].sort());
    for (const [name, content] of shipped) expect(rebuilt.get(name)!.equals(content), name).toBe(true);
  }, 180_000);

  it('web-ext lint finds no error, and the only warnings are Preact’s dangerouslySetInnerHTML support', () => {
    const dir = join(zipOut, 'firefox-mv2');
    let output: string;
    try {
      output = npx(['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery']);
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output.slice(output.indexOf('{')));
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    for (const warning of report.warnings) {
      expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      // The assignment it flags is Preact's own handling of dangerouslySetInnerHTML, which Backstory never uses.
      const source = readFileSync(join(dir, warning.file), 'utf8');
      expect(source).toMatch(/\.innerHTML=\w+\.__html/);
    }
    expect(report.warnings.map((w: { file: string }) => w.file).sort()).toEqual([
      // Preact sits in the card's UI and in the chunk the extension pages (popup, timeline, print) share.
      'card-ui.js',
      expect.stringMatching(/^chunks\/(popup|timeline|print)-[\w-]+\.js$/),
    ]);
  }, 120_000);
});
