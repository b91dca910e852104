/**
 * A card dated to the page it is read on: what was true when the page was
 * published, apart from what came after (issue #13). A reader of a 2025
 * article sees Khamenei as Supreme Leader, then, under "Since this article",
 * that he was killed on 28 February 2026; a role that changed later reads as
 * it was then, with the change dated.
 */
import { firstDay, lastDay } from '../mentions/active-forms';
import type { Fact, IsoDate, Role } from './types';
import { compareCodeUnits } from '../compare-text';

export interface RoleThen {
  role: Role;
  /** Held on the page's date, or ended before it (shown as a past role). */
  held: boolean;
}

export type RoleChange =
  /** Held on the page's date and ended later. */
  | { kind: 'ended'; role: Role; to: IsoDate }
  /** Held on the page's date and still held when last checked. */
  | { kind: 'continued'; role: Role; asOf: IsoDate }
  /** Taken up after the page's date. */
  | { kind: 'began'; role: Role };

export interface DatedView {
  rolesThen: RoleThen[];
  factsThen: Fact[];
  changesSince: RoleChange[];
  factsSince: Fact[];
}

const byDate = (a: { date: string }, b: { date: string }) => compareCodeUnits(firstDay(a.date), firstDay(b.date));

/**
 * Splits roles and facts at `pageDate` (YYYY-MM-DD). Without a page date
 * nothing is "since": every role and fact is shown as it is.
 * A fact belongs to the page's time when it began on or before that day.
 */
export function datedView(roles: readonly Role[], facts: readonly Fact[], pageDate: string | null): DatedView {
  const sortedFacts = [...facts].sort(byDate);
  const sortedRoles = [...roles].sort((a, b) => compareCodeUnits(firstDay(a.from), firstDay(b.from)));
  if (!pageDate) {
    return { rolesThen: sortedRoles.map((role) => ({ role, held: !role.to })), factsThen: sortedFacts, changesSince: [], factsSince: [] };
  }
  const rolesThen: RoleThen[] = [];
  const changesSince: RoleChange[] = [];
  for (const role of sortedRoles) {
    if (firstDay(role.from) > pageDate) {
      changesSince.push({ kind: 'began', role });
      continue;
    }
    const endedBefore = role.to !== undefined && lastDay(role.to) < pageDate;
    rolesThen.push({ role, held: !endedBefore });
    if (endedBefore) continue;
    if (role.to) changesSince.push({ kind: 'ended', role, to: role.to });
    else if (role.asOf && lastDay(role.asOf) > pageDate) changesSince.push({ kind: 'continued', role, asOf: role.asOf });
  }
  return {
    rolesThen,
    factsThen: sortedFacts.filter((fact) => firstDay(fact.date) <= pageDate),
    changesSince,
    factsSince: sortedFacts.filter((fact) => firstDay(fact.date) > pageDate),
  };
}
