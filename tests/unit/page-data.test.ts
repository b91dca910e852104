import { describe, expect, it } from 'vitest';
import { messagePageData } from '../../lib/content/page-data-client';
import { answerBackgroundRequest } from '../../lib/extension/background/answer-request';
import { compileEntityForms } from '../../lib/shared/mentions/entity-forms';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import { analyseSteps, type Analysis } from '../../lib/shared/analysis/analyse-text';
import { FoundByTab } from '../../lib/extension/background/found-by-tab';
import { ONE_MESSAGE_CHARS, TEXT_PART_CHARS, TextPartStore } from '../../lib/shared/analysis/text-parts';
import { runToEnd } from '../../lib/shared/anchoring/match-quote';
import type { BackgroundRequest, ForTab } from '../../lib/shared/messages';
import type { PageRecords } from '../../lib/shared/analysis/page-records';
import type { PrintRecords } from '../../lib/extension/print/print-records';
import { mentionCount, unpackMentions } from '../../lib/shared/analysis/mention-list';
import { findArticleRoot } from '../../lib/content/page/find-article-root';
import { buildTextIndex } from '../../lib/content/text-index';
import { fromTimelineData, pageTimeline, type TimelineData } from '../../lib/extension/timeline/page-timeline';
import { buildTimeline, ownerKey, setOwners } from '../../lib/extension/timeline/build-timeline';
import { annotationSet, article, loadArticlePage } from '../support/bundled-data';
import { articleReport } from '../support/page-report';

/** The article's text as the content script indexes and sends it. */
function articleText(): string {
  return buildTextIndex(findArticleRoot(loadArticlePage(), article.headline)!).text;
}

const set = { ...annotationSet, formIndex: compileEntityForms(annotationSet.entities) };
const badges: [number, string][] = [];
const backgroundBase = () => ({ set, setBadge: async (tabId: number, text: string) => badges.push([tabId, text]), textParts: new TextPartStore(), found: new FoundByTab() });
const background = backgroundBase();
const fromTab = { tab: { id: 7 } };
const request = (text: string, articleId: string | null = article.id) => ({ text, pageDate: article.published, articleId, entityTypes: [...DEFAULT_SETTINGS.entityTypes] });
const analyse = (text: string, articleId: string | null = article.id) =>
  answerBackgroundRequest(background, { type: 'backstory:analyse', request: request(text, articleId) }, fromTab) as Promise<Analysis>;
/** An analysis with its mentions as objects, whatever array carried their numbers. */
const plain = (analysis: Analysis | null) => analysis && { ...analysis, mentions: unpackMentions(analysis.mentions) };
/** The analysis worked out in place, without messages. */
const analysedHere = (text: string) => plain(runToEnd(analyseSteps(set, set.formIndex, request(text))));

describe('the background answers the content script from the set it holds', () => {
  it('names the annotated article for its address, and nothing for another', async () => {
    const found = await answerBackgroundRequest(background, { type: 'backstory:article', hostname: 'www.iranintl.com', pathname: '/en/202504220389/' }, fromTab);
    expect(found).toMatchObject({ article: { id: article.id }, checkedTo: annotationSet.checkedTo });
    const other = await answerBackgroundRequest(background, { type: 'backstory:article', hostname: 'www.iranintl.com', pathname: '/en/202601010001' }, fromTab);
    expect(other).toEqual({ article: null, checkedTo: annotationSet.checkedTo });
  });

  it('finds the article’s entities and places its notes in its text, and names them without sending their records', async () => {
    const analysis = await analyse(articleText());
    const names = new Set(analysis.refs.entities.map((e) => e.name));
    expect(names).toContain('Ali Khamenei');
    expect(names).toContain('Xi Jinping');
    expect(mentionCount(analysis.mentions)).toBeGreaterThan(20);
    expect(analysis.notes.map((n) => n.noteId)).toEqual(expect.arrayContaining(['iran-china-25-year-agreement']));
    expect(analysis.orphans).toEqual([]);
    // Only what the page refers to, by name: no description, fact or source travels before a card opens.
    const mentioned = new Set([...unpackMentions(analysis.mentions).map((m) => m.entityId), article.publisher]);
    expect(analysis.refs.entities.every((e) => mentioned.has(e.id))).toBe(true);
    expect(analysis.refs.notes.map((n) => n.id).sort()).toEqual([...article.notes].sort());
    expect(JSON.stringify(analysis)).not.toMatch(/"(facts|description|body|sources|surfaceForms)"/);
    expect(JSON.stringify(analysis).length).toBeLessThan(20_000);
  });

  it('sends a card’s records when asked: the entity, the notes asked for, and every source they cite', async () => {
    const records = (await answerBackgroundRequest(background, { type: 'backstory:records', entityIds: ['abbas-araghchi'], noteIds: ['april-2025-talks'] }, fromTab)) as PageRecords;
    expect(records.entities.map((e) => e.id)).toEqual(['abbas-araghchi']);
    expect(records.notes.map((n) => n.id)).toEqual(['april-2025-talks']);
    const cited = JSON.stringify([records.entities, records.notes]);
    expect(records.sources.length).toBeGreaterThan(0);
    expect(records.sources.every((s) => cited.includes(`"${s.id}"`))).toBe(true);
    for (const id of records.entities[0].facts.flatMap((f) => f.sources)) expect(records.sources.map((s) => s.id)).toContain(id);
  });

  it('places no notes on another article, and finds only the entities of the types the reader shows', async () => {
    const analysis = await answerBackgroundRequest(
      background,
      { type: 'backstory:analyse', request: { text: articleText(), pageDate: article.published, articleId: null, entityTypes: ['person'] } },
      fromTab,
    ) as Analysis;
    expect(analysis.notes).toEqual([]);
    expect(analysis.refs.notes).toEqual([]);
    expect(new Set(analysis.refs.entities.map((e) => e.type))).toEqual(new Set(['person']));
  });

  it('gives the popup and Backstory’s pages (no tab) the timeline of what a page reported, naming only the entities it shows', async () => {
    const entityIds = ['ali-khamenei', 'xi-jinping'];
    const data = (await answerBackgroundRequest(background, { type: 'backstory:timeline', entityIds, noteIds: ['iran-china-25-year-agreement'] }, {})) as TimelineData;
    const expected = pageTimeline(annotationSet, articleReport({ entities: articleReport().entities.filter((e) => entityIds.includes(e.id)), notes: articleReport().notes.filter((n) => n.id === 'iran-china-25-year-agreement') }));
    expect(fromTimelineData(data, articleReport())!.items).toEqual(expected.items);
    // Each source once, by id in the items.
    expect(new Set(data.sources.map((source) => source.id)).size).toBe(data.sources.length);
    // Sources by id, and nothing no page shows (the merged wordings): the article’s whole timeline travels in under 60% of the JSON of the builder's items (the wordings alone are 44% of those).
    const report = articleReport();
    const whole = (await answerBackgroundRequest(background, { type: 'backstory:timeline', entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) }, {})) as TimelineData;
    const { owners, entities } = setOwners(annotationSet);
    const scope = new Set([...report.entities.map((e) => ownerKey('entity', e.id)), ...report.notes.map((n) => ownerKey('note', n.id))]);
    const built = buildTimeline({ owners, events: annotationSet.events ?? [], scope }, new Set(entities.keys()));
    expect(JSON.stringify(whole).length).toBeLessThan(JSON.stringify(built).length * 0.6);
    expect(whole.items.every((i) => !('accounts' in i))).toBe(true);
    expect(data.items.length).toBeGreaterThan(10);
    // The entities sent are those asked and those the items name: not the set's whole list.
    const named = new Set([...entityIds, ...data.items.flatMap((i) => i.entities)]);
    expect(new Set(data.entities.map((e) => e.id))).toEqual(named);
    expect(data.entities.length).toBeLessThan(annotationSet.entities.length);
    // Plain data: it survives the structured clone or JSON a message goes through.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    await expect(answerBackgroundRequest(background, { type: 'backstory:timeline', entityIds: ['ali-khamenei'] }, {})).resolves.toMatchObject({ error: 'invalid-message' });
    await expect(answerBackgroundRequest({ ...background, set: null }, { type: 'backstory:timeline', entityIds: [], noteIds: [] }, {})).resolves.toMatchObject({
      reason: 'the annotation set did not load',
    });
  });

  it('gives the popup and the print page the timeline and records of what a tab last said it found, until the tab goes to another page', async () => {
    const background = { ...backgroundBase(), found: new FoundByTab() };
    const report = articleReport();
    const ids = { entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) };
    // Nothing heard from the tab yet: an error value, and the popup asks with its report's ids.
    await expect(answerBackgroundRequest(background, { type: 'backstory:for-tab', tabId: 7, want: 'timeline' }, {})).resolves.toMatchObject({ error: 'invalid-message' });
    // Only a tab says what it found, and only about itself.
    await expect(answerBackgroundRequest(background, { type: 'backstory:found', ...ids }, {})).resolves.toMatchObject({ error: 'invalid-message' });
    await expect(answerBackgroundRequest(background, { type: 'backstory:found', ...ids }, fromTab)).resolves.toBe(true);
    const answer = (await answerBackgroundRequest(background, { type: 'backstory:for-tab', tabId: 7, want: 'timeline' }, {})) as ForTab<TimelineData>;
    expect({ entityIds: answer.entityIds, noteIds: answer.noteIds }).toEqual(ids);
    expect(fromTimelineData(answer.data, report)!.items).toEqual(pageTimeline(annotationSet, report).items);
    // The print page's records, the same way.
    const records = (await answerBackgroundRequest(background, { type: 'backstory:for-tab', tabId: 7, want: 'print-records' }, {})) as ForTab<PrintRecords>;
    expect(records.data).toEqual(await answerBackgroundRequest(background, { type: 'backstory:print-records', ...ids }, {}));
    await expect(answerBackgroundRequest(background, { type: 'backstory:for-tab', tabId: 8, want: 'timeline' }, {})).resolves.toMatchObject({ error: 'invalid-message' });
    // The tab's next page asks about its address first: what the last one found is forgotten.
    await answerBackgroundRequest(background, { type: 'backstory:article', hostname: 'www.iranintl.com', pathname: '/en/202504229999' }, fromTab);
    await expect(answerBackgroundRequest(background, { type: 'backstory:for-tab', tabId: 7, want: 'timeline' }, {})).resolves.toMatchObject({ error: 'invalid-message' });
    for (const [tabId, want] of [[-1, 'timeline'], [1.5, 'timeline'], ['7', 'timeline'], [undefined, 'timeline'], [7, 'records'], [7, undefined]]) {
      await expect(answerBackgroundRequest(background, { type: 'backstory:for-tab', tabId, want }, {})).resolves.toMatchObject({ error: 'invalid-message' });
    }
  });

  it('answers malformed questions, and questions from no tab, with an error value', async () => {
    const bad: unknown[] = [
      { type: 'backstory:analyse' },
      { type: 'backstory:analyse', request: { text: 5, pageDate: null, articleId: null, entityTypes: [] } },
      { type: 'backstory:analyse', request: { text: 'x', pageDate: '22 April', articleId: null, entityTypes: [] } },
      { type: 'backstory:analyse', request: { text: 'x', pageDate: null, articleId: null, entityTypes: ['weapon'] } },
      { type: 'backstory:analyse', request: { text: 'x'.repeat(3_000_001), pageDate: null, articleId: null, entityTypes: [] } },
      { type: 'backstory:article', hostname: 'www.iranintl.com' },
      { type: 'backstory:records', entityIds: 'abbas-araghchi', noteIds: [] },
      { type: 'backstory:records', entityIds: Array(201).fill('x'), noteIds: [] },
      { type: 'backstory:found', entityIds: 'ali-khamenei', noteIds: [] },
      { type: 'backstory:found', entityIds: [''], noteIds: [] },
    ];
    for (const message of bad) {
      await expect(answerBackgroundRequest(background, message, fromTab)).resolves.toMatchObject({ error: 'invalid-message' });
    }
    await expect(answerBackgroundRequest(background, { type: 'backstory:article', hostname: 'www.iranintl.com', pathname: '/' }, {})).resolves.toMatchObject({
      error: 'invalid-message',
    });
    await expect(answerBackgroundRequest({ ...background, set: null }, { type: 'backstory:article', hostname: 'www.iranintl.com', pathname: '/' }, fromTab)).resolves.toMatchObject({
      reason: 'the annotation set did not load',
    });
  });
});

describe('the content script’s questions', () => {
  const through = (answer: (message: BackgroundRequest) => unknown) => messagePageData(async (message) => answer(message));

  it('reach the background and come back as its answers', async () => {
    const data = messagePageData((message) => answerBackgroundRequest(background, message, fromTab));
    await expect(data.article({ hostname: 'www.iranintl.com', pathname: '/en/202504220389' })).resolves.toMatchObject({ article: { id: article.id } });
    const analysis = await data.analyse({ text: articleText(), pageDate: article.published, articleId: article.id, entityTypes: [...DEFAULT_SETTINGS.entityTypes] });
    expect(mentionCount(analysis!.mentions)).toBeGreaterThan(20);
    expect(plain(analysis)).toEqual(analysedHere(articleText()));
  });

  it('send a long text in pieces, each its own message, and get the same analysis as in one piece (cloned or as JSON)', async () => {
    let text = articleText();
    while (text.length <= ONE_MESSAGE_CHARS) text += ` ${articleText()}`;
    const expected = analysedHere(text);
    for (const typedArrays of [true, false]) {
      const sent: BackgroundRequest[] = [];
      const context = { ...background, typedArrays };
      const data = messagePageData(async (message) => {
        sent.push(message);
        const answer = await answerBackgroundRequest(context, message, fromTab);
        // Chromium sends messages as JSON: what a typed array would become there is not what this answer carries.
        return typedArrays ? structuredClone(answer) : JSON.parse(JSON.stringify(answer));
      });
      const analysis = await data.analyse(request(text));
      // Firefox gets the numbers as an Int32Array (mention-list.ts, withTypedNumbers).
      expect(analysis!.mentions.packed instanceof Int32Array).toBe(typedArrays);
      expect(plain(analysis)).toEqual(expected);
      expect(mentionCount(analysis!.mentions)).toBeGreaterThan(1000);
      const parts = sent.filter((m) => m.type === 'backstory:text-part');
      expect(parts.length).toBe(Math.ceil(text.length / TEXT_PART_CHARS));
      expect(sent.every((m) => JSON.stringify(m).length < TEXT_PART_CHARS + 1000)).toBe(true);
    }
    // Three analyses of 260,000 characters: seconds on a loaded 2-core machine.
  }, 30_000);

  it('get no analysis when a piece of a long text went missing, or came from an older pass', async () => {
    let text = articleText();
    while (text.length <= ONE_MESSAGE_CHARS) text += ` ${articleText()}`;
    const dropSecond = messagePageData((message) =>
      message.type === 'backstory:text-part' && message.part === 1 ? Promise.resolve(true) : answerBackgroundRequest(background, message, fromTab),
    );
    await expect(dropSecond.analyse(request(text))).resolves.toBeNull();
    // A page that asks again (a newer pass) starts over: the older pass's pieces are not mixed in.
    const parts = (session: string) => ({ type: 'backstory:text-part', session, part: 0, text: 'Xi Jinping met ' });
    await answerBackgroundRequest(background, parts('old'), fromTab);
    await answerBackgroundRequest(background, parts('new'), fromTab);
    const answer = await answerBackgroundRequest(background, { type: 'backstory:analyse', request: request(''), textParts: { session: 'old', count: 1 } }, fromTab);
    expect(answer).toMatchObject({ error: 'invalid-message' });
  }, 30_000);

  it('ask once for the same words: a re-render in fresh nodes gets the same analysis with no message; other words or types ask again', async () => {
    const sent: BackgroundRequest[] = [];
    const data = messagePageData((message) => (sent.push(message), answerBackgroundRequest(background, message, fromTab)));
    const asked = () => sent.filter((m) => m.type === 'backstory:analyse').length;
    const first = await data.analyse(request(articleText()));
    expect(asked()).toBe(1);
    // The page rendered the same article again: its text is a new string with the same words.
    const again = await data.analyse(request(articleText()));
    expect(asked()).toBe(1);
    expect(plain(again)).toEqual(plain(first));
    // Other words, another page date, the reader's types changed: each is asked for.
    await data.analyse(request(`${articleText()} Xi Jinping`));
    expect(asked()).toBe(2);
    await data.analyse({ ...request(articleText()), pageDate: '2026-03-10' });
    expect(asked()).toBe(3);
    const people = await data.analyse({ ...request(articleText()), entityTypes: ['person'] });
    expect(asked()).toBe(4);
    expect(mentionCount(people!.mentions)).toBeLessThan(mentionCount(first!.mentions));
    // An answer that failed is not kept: the same question is asked again.
    const flaky = messagePageData((message) => (sent.push(message), message.type === 'backstory:analyse' && asked() === 5 ? Promise.resolve(null) : answerBackgroundRequest(background, message, fromTab)));
    await expect(flaky.analyse(request(articleText()))).resolves.toBeNull();
    await expect(flaky.analyse(request(articleText()))).resolves.not.toBeNull();
    expect(asked()).toBe(6);
  });

  it('read a missing, failed or malformed answer as no article and no analysis, never as a guess', async () => {
    const request = { text: 'Xi Jinping', pageDate: null, articleId: null, entityTypes: [...DEFAULT_SETTINGS.entityTypes] };
    for (const answer of [undefined, null, { error: 'invalid-message', reason: 'x' }, { mentions: 'all' }, { mentions: [], notes: [], orphans: [], refs: {} }]) {
      await expect(through(() => answer).analyse(request)).resolves.toBeNull();
      await expect(through(() => answer).article({ hostname: 'www.iranintl.com', pathname: '/' })).resolves.toEqual({ article: null, checkedTo: '' });
      await expect(through(() => answer).records(['abbas-araghchi'], [])).resolves.toBeNull();
    }
    const failing = messagePageData(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(failing.analyse(request)).resolves.toBeNull();
  });

  it('never send a question the background would refuse', async () => {
    const sent: unknown[] = [];
    const data = through((message) => (sent.push(message), null));
    await data.analyse({ text: 'x'.repeat(3_000_001), pageDate: null, articleId: null, entityTypes: [] });
    expect(sent).toEqual([]);
  });
});
