/**
 * The synthetic long page and the synthetic entity set it is highlighted
 * with: about 1 MB of article-like English text inside the article element,
 * and 2,000 made-up entities whose names occur in it more than 10,000 times.
 *
 * Everything is generated from a fixed seed, so every run (and every
 * machine) measures the same page. Names are made of syllables that English
 * filler words do not contain, so the only matches are the planted ones.
 * Every planted name is preceded and followed by whitespace, because mark.js
 * with accuracy "exactly" only matches between whitespace; that way both
 * highlighters have the same matches to find.
 */
import { ENTITY_TYPES, type AnnotationSet, type Entity } from '../lib/shared/annotations/types';
import { seededRandom } from '../tests/support/seeded-random';

export const SYNTHETIC_PATH = '/en/202504229999';
export const SYNTHETIC_DATE = '2025-04-22';

export interface SyntheticPage {
  html: string;
  /** Characters of text in the article (roughly what the text index sees). */
  textChars: number;
  /** Names planted in the text: the number of matches a correct highlighter finds. */
  plantedMentions: number;
}

export interface SyntheticSpec {
  entityCount: number;
  /** Stop adding paragraphs once the article text reaches this many characters. */
  targetTextChars: number;
  seed: number;
}

export const DEFAULT_SPEC: SyntheticSpec = { entityCount: 2000, targetTextChars: 1_000_000, seed: 20250422 };

const SYLLABLES = [
  'ka', 'zor', 'vel', 'dri', 'mos', 'tav', 'qun', 'lix', 'bra', 'fen', 'goz', 'hul', 'jar', 'kex', 'nov',
  'pry', 'quo', 'rax', 'sul', 'tov', 'ulm', 'vor', 'wex', 'yad', 'zim', 'orv', 'esk', 'ith', 'axo', 'umb',
];

const FILLER = (
  'the minister said officials were expected to meet again next week after talks that lasted ' +
  'several hours in the capital while analysts warned that the agreement could still collapse if ' +
  'either side changed its position on sanctions trade energy security or regional policy and the ' +
  'government spokesman told reporters that a statement would follow later on monday according to ' +
  'people familiar with the matter who asked not to be named because they were not authorised to ' +
  'speak publicly about the negotiations which have drawn attention from investors diplomats and ' +
  'observers across the region since the previous round ended without a deal'
).split(' ');

const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);

function syntheticName(random: () => number): string {
  const word = () => {
    const parts = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    return capitalize(w);
  };
  return `${word()} ${word()}`;
}

/** Entity records in the shape the extension bundles (lib/shared/annotations/types.ts). */
export function syntheticEntities(spec: SyntheticSpec = DEFAULT_SPEC): Entity[] {
  const random = seededRandom(spec.seed);
  const names = new Set<string>();
  while (names.size < spec.entityCount) names.add(syntheticName(random));
  return [...names].map((name, i) => {
    const id = `bench-entity-${i}`;
    const sourceId = `${id}-source`;
    return {
      id,
      name,
      type: ENTITY_TYPES[i % ENTITY_TYPES.length],
      surfaceForms: [{ text: name, kind: 'name' }],
      description: `${name} is a synthetic entity made for the Backstory benchmark; its text is about as long as a real entry's description.`,
      facts: [
        { date: '2024-05-01', text: `${name} was mentioned in a synthetic report.`, sources: [sourceId] },
        { date: '2025-01-15', text: `${name} appeared again in a later synthetic report.`, sources: [sourceId] },
      ],
      sources: [sourceId],
      asOf: '2025-04-22',
    };
  });
}

export function syntheticAnnotationSet(entities: Entity[]): AnnotationSet {
  const sources = entities.map((e) => ({ id: `${e.id}-source`, title: `Report on ${e.name}`, publisher: 'Example Org', url: `https://example.org/bench/${e.id}`, kind: 'news' as const }));
  return { entities, notes: [], articles: [], sources, checkedTo: '2025-04-22' };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One paragraph: sentences of filler words with names planted between them.
 * Some names and some filler words sit inside <a> or <em>, and a few names
 * are split across an element boundary ("<em>Korvel</em> Drimos"), as real
 * articles do, so both highlighters have to work across inline elements.
 */
function paragraph(random: () => number, names: readonly string[], counter: { planted: number }): { html: string; chars: number } {
  const pickName = () => names[Math.floor(random() * random() * names.length)];
  const sentences: string[] = [];
  let chars = 0;
  const sentenceCount = 4 + Math.floor(random() * 4);
  for (let s = 0; s < sentenceCount; s++) {
    const words: string[] = [];
    const length = 10 + Math.floor(random() * 10);
    for (let w = 0; w < length; w++) {
      const filler = FILLER[Math.floor(random() * FILLER.length)];
      const roll = random();
      // About 1.5 names per sentence; never the last word, so a space follows it.
      if (w > 0 && w < length - 1 && roll < 0.12) {
        const name = pickName();
        counter.planted++;
        chars += name.length + 1;
        const style = random();
        if (style < 0.1) words.push(`<a href="/en/tag/${name.length}">${escapeHtml(name)}</a>`);
        else if (style < 0.15) words.push(`<em>${escapeHtml(name)}</em>`);
        else if (style < 0.18) {
          const [first, last] = name.split(' ');
          words.push(`<em>${escapeHtml(first)}</em> ${escapeHtml(last)}`);
        } else words.push(escapeHtml(name));
      }
      const word = w === 0 ? capitalize(filler) : filler;
      chars += word.length + 1;
      if (roll > 0.97) words.push(`<a href="/en/${filler}">${word}</a>`);
      else if (roll > 0.95) words.push(`<em>${word}</em>`);
      else words.push(word);
    }
    sentences.push(`${words.join(' ')}.`);
  }
  return { html: `<p>${sentences.join(' ')}</p>`, chars };
}

export function syntheticPage(entities: readonly Entity[], spec: SyntheticSpec = DEFAULT_SPEC): SyntheticPage {
  const random = seededRandom(spec.seed + 1);
  const names = entities.map((e) => e.name);
  const counter = { planted: 0 };
  const paragraphs: string[] = [];
  let textChars = 0;
  while (textChars < spec.targetTextChars) {
    const p = paragraph(random, names, counter);
    paragraphs.push(p.html);
    textChars += p.chars;
  }
  const headline = 'Synthetic long article for the Backstory benchmark';
  const html = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${headline} | Iran International</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }</style>
</head>
<body>
<article>
<h1>${headline}</h1>
<time datetime="${SYNTHETIC_DATE}">April 22, 2025</time>
<main>
${paragraphs.join('\n')}
</main>
</article>
</body>
</html>
`;
  return { html, textChars, plantedMentions: counter.planted };
}

/** The terms a peer highlighter is given: every surface form, once. */
export function surfaceFormTexts(entities: readonly Entity[]): string[] {
  return [...new Set(entities.flatMap((e) => e.surfaceForms.map((f) => f.text)))];
}
