/**
 * Rule 6: surface forms a matcher can use without linking the wrong words.
 *
 * - variants name a canonical form of the same entity; date ranges run forward;
 * - forms start with a letter or digit, have no surrounding spaces;
 * - no form is a word too common to mean one entity ("a", "the", "president"),
 *   and a form matched regardless of case is at least 4 characters long
 *   ("US" may link when written in capitals; "us" must not);
 * - the same form names two entities only on dates that do not overlap,
 *   unless both are `short` (the page decides) or `block` (they link nothing);
 * - a `block` form contains a form of its entity (else it blocks nothing);
 *   `cues` and `alone` belong to `short` forms.
 */
import type { Entity, SurfaceForm } from '../../shared/annotations/types';
import { firstDay, lastDay } from '../../shared/mentions/active-forms';
import { normalizeText } from '../../shared/text/normalize';
import { isWordCode } from '../../shared/text/word-chars';
import type { Report } from './problems';
import type { Records } from './records';

/** Words that occur in every article whatever it is about; see data/README.md. */
export const TOO_COMMON = new Set(
  (
    'a an the and or of in on at to for by with from as is it its be was were are has have had he she they we you i us our ' +
    'this that these those said says say new one two three first last state states government minister president leader ' +
    'country countries talks deal war oil news report official officials people city capital north south east west'
  ).split(' '),
);
export const MIN_IGNORE_CASE_LENGTH = 4;

/** "the" and "The" are too common; "US" written in capitals is an acronym and may link. */
function isTooCommon(text: string, ignoreCase: boolean): boolean {
  const lower = text.toLowerCase();
  if (!TOO_COMMON.has(lower)) return false;
  return ignoreCase || text === lower || text === lower[0].toUpperCase() + lower.slice(1);
}

function checkForm(entity: Entity, form: SurfaceForm, i: number, file: string, report: Report): void {
  const path = `$.surfaceForms[${i}]`;
  const texts = new Set(entity.surfaceForms.map((f) => f.text));
  if (form.kind === 'variant' && !form.canonical) report(file, `${path}.canonical`, `variant "${form.text}" must name its canonical form`);
  if (form.canonical !== undefined && !texts.has(form.canonical)) {
    report(file, `${path}.canonical`, `canonical form "${form.canonical}" is not one of this entity's surface forms`);
  }
  if (form.canonical === form.text) report(file, `${path}.canonical`, 'a variant cannot be its own canonical form');
  if (form.validFrom && form.validTo && firstDay(form.validTo) < firstDay(form.validFrom)) {
    report(file, `${path}.validTo`, `validTo ${form.validTo} is before validFrom ${form.validFrom}`);
  }
  const text = normalizeText(form.text);
  if (text !== text.trim() || !isWordCode(text.charCodeAt(0))) {
    report(file, `${path}.text`, 'a surface form must start with a letter or digit and have no surrounding spaces');
  }
  if (isTooCommon(text, form.ignoreCase === true)) report(file, `${path}.text`, `"${form.text}" is too common a word to link (see data/README.md, limits)`);
  else if (form.ignoreCase && text.length < MIN_IGNORE_CASE_LENGTH) {
    report(file, `${path}.ignoreCase`, `a form matched regardless of case needs at least ${MIN_IGNORE_CASE_LENGTH} characters ("${form.text}")`);
  }
}

/** Rules for the forms that resolution treats specially (lib/shared/mentions/resolve-mentions.ts). */
function checkResolutionFields(entity: Entity, form: SurfaceForm, i: number, file: string, report: Report): void {
  const path = `$.surfaceForms[${i}]`;
  if (form.kind !== 'short' && (form.cues || form.alone)) report(file, path, '"cues" and "alone" apply only to forms of kind "short"');
  if (form.kind === 'block') {
    const text = normalizeText(form.text).toLowerCase();
    const guarded = entity.surfaceForms.some((other) => other !== form && other.kind !== 'block' && containsWords(text, normalizeText(other.text).toLowerCase()));
    if (!guarded) report(file, `${path}.text`, `block form "${form.text}" contains none of this entity's other forms, so it blocks nothing`);
  }
}

/** `inner` occurs in `outer` as whole words. */
function containsWords(outer: string, inner: string): boolean {
  for (let at = outer.indexOf(inner); at !== -1; at = outer.indexOf(inner, at + 1)) {
    const before = at === 0 || !isWordCode(outer.charCodeAt(at - 1));
    const after = at + inner.length === outer.length || !isWordCode(outer.charCodeAt(at + inner.length));
    if (before && after) return true;
  }
  return false;
}

/** Forms resolved on the page (short) or that link nothing (block) may share their words with another entity's. */
const sharable = (f: SurfaceForm) => f.kind === 'short' || f.kind === 'block';

const from = (f: SurfaceForm) => (f.validFrom ? firstDay(f.validFrom) : '0000-01-01');
const to = (f: SurfaceForm) => (f.validTo ? lastDay(f.validTo) : '9999-12-31');

export function checkSurfaceForms(records: Records, report: Report): void {
  const owners = new Map<string, { entity: Entity; index: number }[]>();
  for (const entity of records.entities.values()) {
    const file = records.fileOf(entity);
    entity.surfaceForms.forEach((form, i) => {
      checkForm(entity, form, i, file, report);
      checkResolutionFields(entity, form, i, file, report);
      const key = normalizeText(form.text).toLowerCase();
      owners.set(key, [...(owners.get(key) ?? []), { entity, index: i }]);
    });
  }
  for (const list of owners.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const fa = list[a].entity.surfaceForms[list[a].index];
        const fb = list[b].entity.surfaceForms[list[b].index];
        const file = records.fileOf(list[b].entity);
        const path = `$.surfaceForms[${list[b].index}]`;
        if (list[a].entity === list[b].entity) {
          if (fa.text === fb.text) report(file, path, `duplicate surface form "${fb.text}"`);
          continue;
        }
        if (sharable(fa) && sharable(fb)) continue;
        const caseClash = fa.ignoreCase || fb.ignoreCase || normalizeText(fa.text) === normalizeText(fb.text);
        if (caseClash && from(fa) <= to(fb) && from(fb) <= to(fa)) {
          report(file, path, `form "${fb.text}" also names ${list[a].entity.id} on overlapping dates: give both date ranges (validFrom/validTo) that do not overlap`);
        }
      }
    }
  }
}
