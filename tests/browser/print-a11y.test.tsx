import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import PrintPage from '../../components/PrintPage';
import '../../components/popup.css';
import '../../components/timeline.css';
import '../../components/print.css';
import type { TextQuoteSelector } from '../../lib/shared/annotations/types';
import { buildArticleText } from '../../lib/content/article-text-from-index';
import type { ContentRequest } from '../../lib/shared/messages';
import { findArticleRoot } from '../../lib/content/page/find-article-root';
import { normalizeText } from '../../lib/shared/text/normalize';
import { buildTextIndex } from '../../lib/content/text-index';
import { givenBackground } from '../support/fake-background';
import { annotationSet, article, loadArticlePage, note } from '../support/bundled-data';
import { articleReport } from '../support/page-report';

function articleText() {
  const index = buildTextIndex(findArticleRoot(loadArticlePage(), article.headline)!);
  const passages = article.notes.slice(1).map((id) => {
    const quote = note(id).targets[0].selector[0] as TextQuoteSelector;
    const start = index.text.indexOf(normalizeText((quote.prefix ?? '') + quote.exact + (quote.suffix ?? ''))) + normalizeText(quote.prefix ?? '').length;
    return { id, start, end: start + normalizeText(quote.exact).length };
  });
  const text = buildArticleText(index, article.headline, article.url, passages);
  document.body.replaceChildren();
  return text;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await commands.setColorScheme('light');
});

describe('print page accessibility audit (axe-core, real Chromium)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme} theme: no violations, with an unplaced note`, async () => {
      await commands.setColorScheme(scheme);
      const text = articleText();
      givenBackground();
      vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: ContentRequest) =>
        message.type === 'backstory:get-article-text' ? text : articleReport()) as never);
      document.documentElement.lang = 'en';
      document.title = 'Backstory';
      const app = document.createElement('div');
      document.body.append(app);
      render(<PrintPage tabId={3} css="" />, app);
      await vi.waitFor(() => expect(app.querySelector('.print-doc .print-timeline')).not.toBeNull(), { timeout: 3000 });
      expect(app.querySelector('[data-testid="unplaced"]')).not.toBeNull();
      const results = await axe.run(app, { resultTypes: ['violations'] });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      render(null, app);
    });
  }
});
