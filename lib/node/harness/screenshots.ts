/**
 * Screenshots for docs/screenshots/: the pictures in the README come from
 * the same runs that check the behaviour.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { SCREENSHOT_DIR } from './paths';

/** Saves the page's viewport as `name`.png and returns the file's path. */
export async function saveScreenshot(page: Page, name: string, dir = SCREENSHOT_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png`, type: 'png' });
  return path;
}

/** Saves PNG bytes taken some other way (Firefox's popup) as `name`.png. */
export function savePng(png: Buffer, name: string, dir = SCREENSHOT_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  writeFileSync(path, png);
  return path;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}
