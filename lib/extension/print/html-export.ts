/**
 * "Save as HTML": the print page's document, copied node by node (no markup
 * strings: text stays text) into a new document with the print stylesheet
 * inline and a policy that forbids scripts and every network request, so
 * the saved file opens anywhere, offline, and can run nothing.
 */
const FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function exportHtml(content: Element, css: string, title: string, lang: string, dir?: string): string {
  const doc = content.ownerDocument.implementation.createHTMLDocument('');
  const titleElement = doc.head.querySelector('title') ?? doc.head.appendChild(doc.createElement('title'));
  titleElement.textContent = title;
  doc.documentElement.lang = lang;
  if (dir) doc.documentElement.dir = dir;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const policy = doc.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = FILE_POLICY;
  const viewport = doc.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.prepend(charset, policy, viewport);
  doc.head.append(style);
  const copy = doc.importNode(content, true) as Element;
  // Controls do nothing in a saved file.
  for (const el of Array.from(copy.querySelectorAll('[data-no-export], script, button, select, input'))) el.remove();
  doc.body.append(copy);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

/** Offers `contents` as a file download: made here, saved by the browser, sent nowhere. */
export function downloadFile(contents: string, filename: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked later: Firefox starts the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the headline: lower case words joined by hyphens, at most 60 characters. */
export function fileNameFor(headline: string, extension: string): string {
  const base = headline
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'article'}-backstory.${extension}`;
}
