import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Popup from '../../components/Popup';
import TimelinePage from '../../components/TimelinePage';
import '../../components/popup.css';
import '../../components/timeline.css';
import type { PageReport } from '../../lib/shared/messages';
import { givenBackground } from '../support/fake-background';
import { articleReport } from '../support/page-report';

function givenTab(report: PageReport): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, url: report.url } as never]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => report) as never);
}

async function audit(root: Element): Promise<string[]> {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const REPORTS: Record<string, PageReport> = {
  article: articleReport(),
  'other article': articleReport({ status: 'other-article', article: undefined, notes: [], pageDate: '2025-10-01' }),
  'no dated facts': articleReport({ entities: [], notes: [] }),
};

afterEach(async () => {
  vi.restoreAllMocks();
  await commands.setColorScheme('light');
});

describe('timeline accessibility audit (axe-core, real Chromium)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, report] of Object.entries(REPORTS)) {
      it(`popup timeline, ${name}, ${scheme} theme: no violations`, async () => {
        await commands.setColorScheme(scheme);
        givenBackground();
        givenTab(report);
        document.documentElement.lang = 'en';
        document.title = 'Backstory';
        const app = document.createElement('div');
        document.body.append(app);
        render(<Popup refreshDelayMs={0} />, app);
        await vi.waitFor(() => expect(app.querySelector('#view-tab-timeline')).not.toBeNull(), { timeout: 3000 });
        app.querySelector<HTMLButtonElement>('#view-tab-timeline')!.click();
        await vi.waitFor(() => expect(app.querySelector('#view-panel-timeline:not([hidden]) .popup-timeline')).not.toBeNull(), { timeout: 3000 });
        expect(await audit(app)).toEqual([]);
        render(null, app);
      });
    }

    it(`full-tab timeline, ${scheme} theme: no violations`, async () => {
      await commands.setColorScheme(scheme);
      givenBackground();
      givenTab(articleReport());
      document.documentElement.lang = 'en';
      const app = document.createElement('div');
      document.body.append(app);
      render(<TimelinePage tabId={3} />, app);
      await vi.waitFor(() => expect(app.querySelector('[data-testid="timeline"]')).not.toBeNull(), { timeout: 3000 });
      expect(app.querySelectorAll('.tl-item__sources a').length).toBeGreaterThan(10);
      expect(await audit(app)).toEqual([]);
      render(null, app);
    });
  }
});
