/**
 * The content script's answers to Backstory's own messages (the popup's
 * questions). Every message is checked against its kind's schema first; a
 * message that fails, or a request that fails while being answered, gets an
 * error value back, never a throw inside the listener on the reader's page.
 */
import { parseContentRequest, type MessageError, type PageReport, type RevealTarget } from '../shared/messages';
import type { ArticleText } from '../shared/article-text';

export interface RequestTarget {
  report(): PageReport;
  reveal(target: RevealTarget): boolean;
  articleText(): ArticleText | null;
}

export function answerContentRequest(page: RequestTarget, message: unknown): PageReport | boolean | ArticleText | null | MessageError {
  const parsed = parseContentRequest(message);
  if (!parsed.ok) return parsed.error;
  const request = parsed.message;
  try {
    switch (request.type) {
      case 'backstory:get-report':
        return page.report();
      case 'backstory:get-article-text':
        return page.articleText();
      case 'backstory:reveal':
        return page.reveal(request.target);
    }
  } catch (error) {
    return { error: 'invalid-message', reason: `could not answer ${request.type}: ${String(error)}` };
  }
}
