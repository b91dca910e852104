import { describe, expect, it } from 'vitest';
import { answerContentRequest } from '../../lib/content/answer-request';
import { badgeText, isPageReport, parseBackgroundRequest, parseContentRequest } from '../../lib/shared/messages';
import { articleReport } from '../support/page-report';

/** A page that answers like the content script's BackstoryPage and records what it was asked. */
function fakePage() {
  const asked: unknown[] = [];
  return {
    asked,
    report: () => (asked.push('report'), articleReport()),
    reveal: (target: { kind: string; id: string }) => (asked.push(target), target.id === 'xi-jinping'),
    articleText: () => (asked.push('article-text'), null),
  };
}

const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'backstory:get-report'],
  ['an array', [{ type: 'backstory:get-report' }]],
  ['an empty object', {}],
  ['a type in the wrong case', { type: 'BACKSTORY:GET-REPORT' }],
  ['an inherited key as type', { type: '__proto__' }],
  ['toString as type', { type: 'toString' }],
  ['a reveal without target', { type: 'backstory:reveal' }],
  ['a reveal with a null target', { type: 'backstory:reveal', target: null }],
  ['a reveal with a string target', { type: 'backstory:reveal', target: 'xi-jinping' }],
  ['a reveal of an unknown kind', { type: 'backstory:reveal', target: { kind: 'script', id: 'xi-jinping' } }],
  ['a reveal with an object id', { type: 'backstory:reveal', target: { kind: 'entity', id: { toString: 1 } } }],
  ['a reveal with an empty id', { type: 'backstory:reveal', target: { kind: 'entity', id: '' } }],
  ['a reveal with a 1 MB id', { type: 'backstory:reveal', target: { kind: 'entity', id: 'x'.repeat(1 << 20) } }],
  ['a badge message sent to the page', { type: 'backstory:badge', count: 3 }],
];

describe('messages to the content script', () => {
  it.each(MALFORMED)('answers %s with an error value and asks the page nothing', (_label, message) => {
    const page = fakePage();
    let answer: unknown;
    expect(() => (answer = answerContentRequest(page, message))).not.toThrow();
    expect(answer).toMatchObject({ error: 'invalid-message', reason: expect.any(String) });
    expect(page.asked).toEqual([]);
  });

  it('answers well-formed requests, passing on only the fields of the schema', () => {
    const page = fakePage();
    expect(answerContentRequest(page, { type: 'backstory:get-report', extra: 'x'.repeat(1000) })).toMatchObject({ status: 'article' });
    expect(answerContentRequest(page, { type: 'backstory:reveal', target: { kind: 'entity', id: 'xi-jinping', evil: true } })).toBe(true);
    expect(answerContentRequest(page, { type: 'backstory:reveal', target: { kind: 'note', id: 'no-such-note' } })).toBe(false);
    expect(answerContentRequest(page, { type: 'backstory:get-article-text' })).toBeNull();
    expect(page.asked).toEqual(['report', { kind: 'entity', id: 'xi-jinping' }, { kind: 'note', id: 'no-such-note' }, 'article-text']);
  });

  it('turns a failure while answering into an error value', () => {
    const page = {
      report: () => {
        throw new TypeError('boom');
      },
      reveal: () => true,
      articleText: () => null,
    };
    expect(answerContentRequest(page, { type: 'backstory:get-report' })).toMatchObject({ error: 'invalid-message', reason: expect.stringContaining('boom') });
  });

  it('shares its schema with the sender', () => {
    expect(parseContentRequest({ type: 'backstory:reveal', target: { kind: 'entity', id: 'iran' } })).toEqual({
      ok: true,
      message: { type: 'backstory:reveal', target: { kind: 'entity', id: 'iran' } },
    });
    expect(parseContentRequest({ type: 'backstory:reveal', target: { kind: 'entity' } }).ok).toBe(false);
  });
});

describe('messages to the background', () => {
  it.each([
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['huge', 1e12],
    ['a string', '3'],
    ['missing', undefined],
  ])('refuses a %s badge count', (_label, count) => {
    expect(parseBackgroundRequest({ type: 'backstory:badge', count })).toMatchObject({ ok: false, error: { error: 'invalid-message' } });
  });

  it('accepts a whole, non-negative count', () => {
    expect(parseBackgroundRequest({ type: 'backstory:badge', count: 48 })).toEqual({ ok: true, message: { type: 'backstory:badge', count: 48 } });
  });
});

describe('badge text', () => {
  it('is empty for none, the count up to 999, then capped', () => {
    expect([0, 1, 48, 999, 1000, 250_000].map(badgeText)).toEqual(['', '1', '48', '999', '999+', '999+']);
  });

  it('never shows a malformed number', () => {
    expect([-3, 1.5, Number.NaN].map(badgeText)).toEqual(['', '', '']);
  });
});

describe("the content script's answer, as the popup receives it", () => {
  it('is a report only when it has the shape of one', () => {
    expect(isPageReport(articleReport())).toBe(true);
    expect(isPageReport({ status: 'article' })).toBe(false);
    expect(isPageReport(articleReport({ status: 'hacked' as never }))).toBe(false);
    expect(isPageReport(articleReport({ annotationCount: -1 }))).toBe(false);
    expect(isPageReport({ error: 'invalid-message', reason: 'x' })).toBe(false);
  });
});
