/**
 * Nothing in the shipped bundles can reach the network: no network API call
 * and no remote URL outside the allow-list in support/bundle-scan.ts (each
 * entry says why it sends nothing), the annotation data is inert JSON whose
 * URLs are source links, and the manifests grant nothing more.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_BUDGET_BYTES, contentScriptSize } from '../../bench/content-script-size';
import { ALLOW_LIST, DATA_URL_FIELDS, dataUrls, ruleFor, scanBuild } from './support/bundle-scan';
import { PUBLISHER_HOSTS } from '../../lib/node/harness/hosts';
import { CHROMIUM_BUILD, FIREFOX_BUILD } from '../../lib/node/harness/paths';

const builds = [
  { name: 'chrome-mv3', dir: CHROMIUM_BUILD },
  { name: 'firefox-mv2', dir: FIREFOX_BUILD },
];

describe.each(builds)('the $name build', ({ dir }) => {
  it('exists (npm run test:e2e builds it first)', () => {
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  it('calls no network API and names no remote URL, except the allow-listed ones', () => {
    const findings = scanBuild(dir);
    const unexplained = findings.filter((f) => !ruleFor(f)).map(({ file, kind, match }) => ({ file, kind, match }));
    expect(unexplained).toEqual([]);
    // A rule nothing needs any more is a hole in the list: drop it.
    const unused = ALLOW_LIST.filter((rule) => !findings.some((f) => ruleFor(f) === rule)).map((rule) => rule.why);
    expect(unused).toEqual([]);
  });

  it('ships annotation data as inert JSON whose URLs are https source links', () => {
    const urls = dataUrls(dir);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !(DATA_URL_FIELDS as readonly string[]).includes(u.path))).toEqual([]);
    expect(urls.filter((u) => !u.url.startsWith('https://'))).toEqual([]);
  });

  it('asks only for storage, runs only on the publisher’s hosts and lets extension pages connect nowhere', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    // Firefox's build has a second entry, the stylesheet at document_start (wxt.config.ts), on the same hosts.
    const matches = new Set(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches));
    expect([...matches].sort()).toEqual(PUBLISHER_HOSTS.map((host) => `*://${host}/*`).sort());
    const csp: string = manifest.content_security_policy.extension_pages ?? manifest.content_security_policy;
    expect(csp).toContain("connect-src 'none'");
  });

  it('keeps everything the content script loads (its code and CSS, not the data) within its budget gzipped (bench/content-script-size.ts)', () => {
    const size = contentScriptSize(dir);
    expect(size.files.map((f) => f.file)).toEqual(expect.arrayContaining(['card-ui.js', 'content-scripts/content.js']));
    expect(size.gzipBytes).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
  });
});
