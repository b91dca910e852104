/**
 * `npm run check:data`: validates data/ and exits non-zero with one line per
 * problem (file, JSON path, reason). Run by check, test and every build.
 */
import { resolve } from 'node:path';
import { loadAnnotationSet } from '../lib/node/data-check/load-files';
import { formatProblem } from '../lib/node/data-check/validate';

const projectDir = resolve(import.meta.dirname, '..');
const { set, problems } = loadAnnotationSet(projectDir);
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\nAnnotation data check failed: ${problems.length} problem(s).`);
  process.exit(1);
}
const sources = new Set<string>();
for (const s of set.sources) sources.add(s.url);
console.log(
  `Annotation data OK: ${set.entities.length} entities, ${set.notes.length} notes, ${set.articles.length} article(s), ${set.events?.length ?? 0} shared events, ${sources.size} distinct sources.`,
);
