/**
 * Rule 5: dates a reader can trust.
 *
 * - every date is a real calendar date (no 31 February) and none is later
 *   than the day the set was last checked (data/set.json, checkedTo);
 * - periods end after they begin; an entry's as-of date covers its facts;
 * - a role still held says as of when; an ended one says when it ended;
 * - status is never stated without a date: descriptions carry none ("still",
 *   "currently": that belongs in `roles` or a dated fact), and a fact or note
 *   sentence that states one says "as of <month year>".
 */
import { firstDay, lastDay } from '../../shared/mentions/active-forms';
import type { Entity, Fact, Role } from '../../shared/annotations/types';
import type { Report } from './problems';
import { factsOf, type Records } from './records';
import { strings } from './text-fields';

const FORWARD_KEYS = new Set(['checkedTo', 'validFrom', 'validTo']);
const DATE_KEYS = new Set(['date', 'endDate', 'asOf', 'validFrom', 'validTo', 'from', 'to', 'published', 'checkedTo']);
/** Words that state how things stand now, which goes stale unless dated (a description must not use them at all). */
const STATUS_WORDS = /\b(still|currently|presently|remains?|to date|so far|incumbent|now|continues to)\b/i;
/**
 * The same in a dated fact or a note: present tense only, since a fact's
 * "was still in command" speaks of its own date, and reported speech ("said
 * the strait should remain closed") states no status.
 */
const PRESENT_STATUS = /\b(currently|presently|remains|is still|are still|still (?:holds?|serves?|leads?|has|have|is|are)|to date|so far|continues to|continue to|now (?:is|are|holds?|serves?|leads?))\b/i;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const AS_OF = new RegExp(`\\bas of (?:(?:early|mid|late)[- ])?(?:\\d{1,2} )?(?:(?:${MONTHS}) )?(\\d{4})\\b`, 'i');

/** A YYYY, YYYY-MM or YYYY-MM-DD string that names a day, month or year that exists. */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function checkCalendar(records: Records, files: { path: string; json: unknown }[], report: Report): void {
  for (const file of files) {
    for (const [value, path, key] of strings(file.json, '$')) {
      if (!DATE_KEYS.has(key)) continue;
      if (!isRealDate(value)) report(file.path, path, `${value} is not a real calendar date`);
      // A surface form's range speaks of the pages it applies to, which may come later; every other date is a claim.
      else if (records.checkedTo && !FORWARD_KEYS.has(key) && firstDay(value) > lastDay(records.checkedTo)) {
        report(file.path, path, `${value} is later than the set's checkedTo date ${records.checkedTo} (${records.setFile})`);
      }
    }
  }
}

function checkFactDates(facts: Fact[], asOf: string, file: string, report: Report): void {
  facts.forEach((fact, i) => {
    if (fact.endDate && firstDay(fact.endDate) < firstDay(fact.date)) {
      report(file, `$.facts[${i}].endDate`, `endDate ${fact.endDate} is before date ${fact.date}`);
    }
    const latest = fact.endDate ?? fact.date;
    if (lastDay(asOf) < firstDay(latest)) report(file, '$.asOf', `as-of date ${asOf} is earlier than fact $.facts[${i}] (${latest})`);
    checkStatusSentences(fact.text, fact.date, file, `$.facts[${i}].text`, report);
  });
}

/** A sentence that says how things stand must say as of when, no earlier than what it is about. */
export function checkStatusSentences(text: string, since: string | null, file: string, path: string, report: Report): void {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const status = sentence.match(PRESENT_STATUS);
    if (!status) continue;
    const asOf = sentence.match(AS_OF);
    if (!asOf) {
      report(file, path, `"${status[0]}" states a status without a date: add "as of <month year>" to the sentence ("${sentence.slice(0, 80)}")`);
    } else if (since && Number(asOf[1]) < Number(since.slice(0, 4))) {
      report(file, path, `"${asOf[0]}" is earlier than the fact it covers (${since})`);
    }
  }
}

function checkRoles(entity: Entity, file: string, report: Report): void {
  (entity.roles ?? []).forEach((role: Role, i) => {
    const path = `$.roles[${i}]`;
    if (role.to && firstDay(role.to) < firstDay(role.from)) report(file, `${path}.to`, `role ends (${role.to}) before it begins (${role.from})`);
    if (!role.to && !role.asOf) report(file, `${path}.asOf`, 'a role with no end date must say as of when it was last confirmed (asOf)');
    if (role.asOf && firstDay(role.asOf) < firstDay(role.from)) report(file, `${path}.asOf`, `as-of date ${role.asOf} is before the role began (${role.from})`);
    if (role.asOf && lastDay(entity.asOf) < firstDay(role.asOf)) report(file, '$.asOf', `as-of date ${entity.asOf} is earlier than ${path}.asOf (${role.asOf})`);
  });
}

export function checkDates(records: Records, files: { path: string; json: unknown }[], report: Report): void {
  checkCalendar(records, files, report);
  for (const entity of records.entities.values()) {
    const file = records.fileOf(entity);
    checkFactDates(entity.facts, entity.asOf, file, report);
    checkRoles(entity, file, report);
    const status = entity.description.match(STATUS_WORDS);
    if (status) {
      report(file, '$.description', `"${status[0]}" states a status: keep the description timeless and put status in $.roles or a dated fact`);
    }
  }
  for (const note of records.notes.values()) {
    const file = records.fileOf(note);
    checkFactDates(note.facts, note.asOf, file, report);
    note.body.forEach((paragraph, i) => checkStatusSentences(paragraph, null, file, `$.body[${i}]`, report));
  }
  for (const article of records.articles.values()) checkFactDates(factsOf(article), article.asOf, records.fileOf(article), report);
  if (records.checkedTo) {
    for (const entry of [...records.entities.values(), ...records.notes.values(), ...records.articles.values()]) {
      if (lastDay(records.checkedTo) < firstDay(entry.asOf)) {
        report(records.fileOf(entry), '$.asOf', `as-of date ${entry.asOf} is later than the set's checkedTo date ${records.checkedTo}`);
      }
    }
  }
}
