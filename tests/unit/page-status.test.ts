import { describe, expect, it } from 'vitest';
import { isAnnotated, pageStatus, pageSwitch, type StatusInput } from '../../lib/shared/page-status';

const on: StatusInput = { settled: true, siteEnabled: true, pageOff: false, page: 'article' };

describe('a page’s status, worked out once for the content script and the popup', () => {
  it('says loading until the settings are read and a pass has finished, never a guess', () => {
    expect(pageStatus({ ...on, settled: false })).toBe('loading');
    expect(pageStatus({ ...on, siteEnabled: null })).toBe('loading');
    expect(pageSwitch('loading')).toBeNull();
    expect(isAnnotated('loading')).toBe(false);
  });

  it('puts the site switch before the page switch, and both before what the page is', () => {
    expect(pageStatus({ ...on, siteEnabled: false, pageOff: true })).toBe('site-off');
    expect(pageStatus({ ...on, pageOff: true })).toBe('page-off');
    expect(pageStatus({ ...on, page: 'none', pageOff: true })).toBe('no-article');
    expect(pageStatus(on)).toBe('article');
    expect(pageStatus({ ...on, page: 'other-article' })).toBe('other-article');
  });

  it('annotates articles only, and offers the page switch only where there is an article to switch', () => {
    expect(['article', 'other-article', 'page-off', 'site-off', 'no-article'].map((s) => [s, isAnnotated(s as never), pageSwitch(s as never)])).toEqual([
      ['article', true, true],
      ['other-article', true, true],
      ['page-off', false, false],
      ['site-off', false, null],
      ['no-article', false, null],
    ]);
  });
});
