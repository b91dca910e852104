import { beforeEach, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/content/page/detect-page';
import { pageDate } from '../../lib/content/page/page-date';
import { articleForUrl } from '../../lib/shared/analysis/article-for-url';
import { isPublisherHost } from '../../lib/shared/publisher';
import { annotationSet, article, loadArticlePage } from '../support/bundled-data';

const detect = (url: string) => detectPage(document, new URL(url), articleForUrl(annotationSet, new URL(url)));

describe('publisher hosts', () => {
  it('match exactly, never a lookalike', () => {
    expect(isPublisherHost('www.iranintl.com')).toBe(true);
    expect(isPublisherHost('iranintl.com')).toBe(true);
    expect(isPublisherHost('beta.iranintl.com')).toBe(true);
    expect(isPublisherHost('WWW.IRANINTL.COM')).toBe(true);
    for (const host of ['lranintl.com', 'www.lranintl.com', 'iranintl.com.evil.example', 'eviliranintl.com', 'cdn.iranintl.com', 'iranintl.co']) {
      expect(isPublisherHost(host), host).toBe(false);
    }
  });
});

describe('the fully qualified spelling www.iranintl.com. (trailing dot)', () => {
  // Firefox never injects the content script there and Chromium does: the
  // same answer in both browsers is "not the publisher", everywhere.
  it('is not a publisher host, whatever its case', () => {
    for (const host of ['www.iranintl.com.', 'iranintl.com.', 'beta.iranintl.com.', 'WWW.IRANINTL.COM.', 'www.iranintl.com..']) {
      expect(isPublisherHost(host), host).toBe(false);
    }
  });

  it('is no page of the publisher, article path or not', () => {
    loadArticlePage();
    expect(detect('https://www.iranintl.com./en/202504220389').kind).toBe('not-publisher');
    expect(detect('http://www.iranintl.com.:8080/en/202504220389').kind).toBe('not-publisher');
    expect(detect('https://iranintl.com./en/202401010001').kind).toBe('not-publisher');
  });
});

describe('detectPage on the bundled page copy', () => {
  beforeEach(() => loadArticlePage());

  it('recognises the article at every URL form the site uses', () => {
    for (const url of [
      'https://www.iranintl.com/en/202504220389',
      'https://iranintl.com/en/202504220389/',
      'https://beta.iranintl.com/en/202504220389?source=share-link',
      'https://www.iranintl.com/en/202504220389#top',
      'http://www.iranintl.com/en/202504220389',
    ]) {
      const page = detect(url);
      expect(page.kind, url).toBe('article');
    }
  });

  it('takes the article element that holds the headline, not the next story', () => {
    const page = detect('https://www.iranintl.com/en/202504220389');
    if (page.kind !== 'article') throw new Error(page.kind);
    expect(page.root.querySelector('h1')!.textContent).toBe(article.headline);
    expect(page.root.classList.contains('article--next')).toBe(false);
    expect(page.date).toBe('2025-04-22');
  });

  it('never treats a lookalike host as the publisher', () => {
    expect(detect('https://lranintl.com/en/202504220389').kind).toBe('not-publisher');
    expect(detect('https://www.iranintl.com.evil.example/en/202504220389').kind).toBe('not-publisher');
  });

  it('compares the headline after folding quotes, dashes, spaces and case', () => {
    const h1 = document.querySelector('article h1')!;
    h1.textContent = '  KHAMENEI vows US talks won\'t derail China ties in message to Xi,   source says ';
    expect(detect('https://www.iranintl.com/en/202504220389').kind).toBe('article');
  });

  it('falls back to the fingerprint quotes when the headline was edited', () => {
    document.querySelector('article h1')!.textContent = 'Khamenei letter to Xi: Iran stays committed to China';
    const page = detect('https://www.iranintl.com/en/202504220389');
    expect(page.kind).toBe('article');
    if (page.kind === 'article') expect(page.root.classList.contains('article--next')).toBe(false);
  });

  it('waits when the article has not been rendered yet', () => {
    document.body.replaceChildren();
    expect(detect('https://www.iranintl.com/en/202504220389')).toMatchObject({ kind: 'pending' });
  });

  it('treats other English article paths as other articles, and other pages as not articles', () => {
    const other = detect('https://www.iranintl.com/en/202505010001');
    expect(other.kind).toBe('other-article');
    expect(detect('https://www.iranintl.com/en').kind).toBe('not-article');
    expect(detect('https://www.iranintl.com/en/iran').kind).toBe('not-article');
  });
});

describe('pageDate', () => {
  it('reads the first time[datetime], then the published_time meta, else unknown', () => {
    const el = document.createElement('article');
    el.innerHTML = '<time>yesterday</time><time datetime="2026-03-10T08:00:00Z">10 March</time>';
    document.body.append(el);
    expect(pageDate(el)).toBe('2026-03-10');
    el.innerHTML = '<p>no date</p>';
    expect(pageDate(el)).toBeNull();
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'article:published_time');
    meta.setAttribute('content', '2025-06-13T10:00:00+03:30');
    document.head.append(meta);
    expect(pageDate(el)).toBe('2025-06-13');
    meta.remove();
  });
});
