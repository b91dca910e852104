/** An article element of `paragraphs` identical paragraphs naming four entities, appended to the test document. */
export function longArticle(paragraphs: number) {
  const root = document.createElement('article');
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: Araghchi met Wang Yi in Beijing, and Witkoff flew to Muscat.`;
    root.append(p);
  }
  document.body.append(root);
  return { kind: 'other-article' as const, root, date: '2025-05-01' };
}
