/**
 * Which surface forms apply to a page, given its publication date.
 *
 * Titles and surnames change owner ("the Supreme Leader" meant Ali Khamenei
 * until his death on 28 February 2026 and Mojtaba Khamenei from 9 March
 * 2026), so a form with a validity range applies only on pages whose date is
 * known and inside it; on a page with no known date it is left out rather
 * than guessed.
 */
import type { IsoDate, SurfaceForm } from '../annotations/types';

/** Earliest day an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) can mean. */
export function firstDay(date: IsoDate): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Latest day an ISO date can mean. */
export function lastDay(date: IsoDate): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number);
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(days).padStart(2, '0')}`;
  }
  return date;
}

export function isDated(form: SurfaceForm): boolean {
  return form.validFrom !== undefined || form.validTo !== undefined;
}

/** Does the form apply on a page published on `pageDate` (YYYY-MM-DD, or null if unknown)? */
export function formApplies(form: SurfaceForm, pageDate: string | null): boolean {
  if (!isDated(form)) return true;
  if (!pageDate) return false;
  if (form.validFrom && pageDate < firstDay(form.validFrom)) return false;
  if (form.validTo && pageDate > lastDay(form.validTo)) return false;
  return true;
}
