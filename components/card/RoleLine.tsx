import type { RoleChange } from '../../lib/shared/annotations/dated-view';
import type { Role } from '../../lib/shared/annotations/types';
import { formatDate } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';

export interface RoleLineProps {
  role: Role;
  /** A change after the page's date, or null for the role as it stood then. */
  change: RoleChange | null;
  /** Held on the page's date (only for `change` null). */
  held?: boolean;
}

/** One office as a line of text: as it stood on the page's date, or how it changed since. */
export default function RoleLine({ role, change, held = true }: RoleLineProps) {
  return <li class="role">{roleText(role, change, held)}</li>;
}

export function roleText(role: Role, change: RoleChange | null, held: boolean): string {
  const from = formatDate(role.from);
  if (!change) {
    if (held || !role.to) return t('roleSince', [role.title, from]);
    return t('rolePast', [role.title, from, formatDate(role.to)]);
  }
  switch (change.kind) {
    case 'ended':
      return role.endReason ? t('roleEndedReason', [role.title, formatDate(change.to), role.endReason]) : t('roleEnded', [role.title, formatDate(change.to)]);
    case 'continued':
      return t('roleContinued', [role.title, formatDate(change.asOf)]);
    case 'began':
      return role.to
        ? t('rolePast', [role.title, from, formatDate(role.to)])
        : role.asOf
          ? t('roleBeganAsOf', [role.title, from, formatDate(role.asOf)])
          : t('roleBegan', [role.title, from]);
  }
}
