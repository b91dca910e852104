import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Popup from '../../components/Popup';
import '../../components/popup.css';
import type { PageReport } from '../../lib/shared/messages';
import { articleReport } from '../support/page-report';

type Answer = PageReport | 'no-receiver';

function givenTab(url: string, answer: Answer): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, url } as never]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    if (answer === 'no-receiver') throw new Error('Receiving end does not exist.');
    return answer;
  }) as never);
}

const STATES: Record<string, [string, Answer]> = {
  article: ['https://www.iranintl.com/en/202504220389', articleReport()],
  'other article': [
    'https://www.iranintl.com/en/202505010001',
    articleReport({ status: 'other-article', article: undefined, notes: [], annotationCount: 4 }),
  ],
  'page off': ['https://www.iranintl.com/en/202504220389', articleReport({ status: 'page-off', entities: [], annotationCount: 0 })],
  unsupported: ['chrome://newtab/', 'no-receiver'],
  'not responding': ['https://www.iranintl.com/en/202504220389', 'no-receiver'],
};

afterEach(async () => {
  vi.restoreAllMocks();
  await commands.setColorScheme('light');
});

describe('popup accessibility audit (axe-core, real Chromium)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, [url, answer]] of Object.entries(STATES)) {
      it(`${name}, ${scheme} theme: no violations, colour contrast included`, async () => {
        await commands.setColorScheme(scheme);
        givenTab(url, answer);
        document.documentElement.lang = 'en';
        document.title = 'Backstory';
        const app = document.createElement('div');
        document.body.append(app);
        render(<Popup refreshDelayMs={0} />, app);
        await vi.waitFor(() => expect(app.querySelector('main')).not.toBeNull(), { timeout: 3000 });
        const results = await axe.run(app, { resultTypes: ['violations'] });
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(getComputedStyle(document.body).backgroundColor).toBe(scheme === 'dark' ? 'rgb(30, 34, 40)' : 'rgb(255, 255, 255)');
        render(null, app);
      });
    }
  }
});
