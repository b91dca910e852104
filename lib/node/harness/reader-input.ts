/**
 * A reader's input, through the browsers' real input pipelines (CDP
 * Input.dispatch* in Chromium, BiDi input.performActions in Firefox): the
 * page sees trusted pointer and keyboard events.
 */
import type { KeyInput, Page } from 'puppeteer-core';
import type { Point } from './page-probe';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A spot outside the article (the page's top-left margin), where hovering opens nothing. */
export const NEUTRAL_POINT: Point = { x: 4, y: 4 };

export async function moveTo(page: Page, point: Point, steps = 1): Promise<void> {
  await page.mouse.move(Math.round(point.x), Math.round(point.y), { steps });
}

async function altShift(page: Page, key: KeyInput): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(key);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** Alt+Shift+ArrowRight: Backstory's "next annotation" key. */
export const nextAnnotation = (page: Page) => altShift(page, 'ArrowRight');
/** Alt+Shift+ArrowLeft: Backstory's "previous annotation" key. */
export const previousAnnotation = (page: Page) => altShift(page, 'ArrowLeft');
