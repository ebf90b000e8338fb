/**
 * Authorization as data: every API endpoint declares one of these, and the web app hides what a
 * role cannot use with the same constants.
 */
export const ROLES = ['admin', 'hr', 'manager', 'staff', 'committee'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  readKpiFigures: 'kpi:read',
  readPersonData: 'person:read',
  importData: 'import:write',
  exportRoster: 'roster:export',
  readOrgStructure: 'org:read',
  readTargets: 'target:read',
  manageTargets: 'target:write',
  manageAccounts: 'account:manage',
  // 360 / 多面評価 (reviews360): run cycles and see roll-ups; answering and one's own report need only a session.
  manageReviews360: 'review360:manage',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const ALL: readonly Permission[] = Object.values(PERMISSIONS);

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ALL,
  hr: ALL.filter((p) => p !== PERMISSIONS.manageAccounts),
  manager: [
    PERMISSIONS.readKpiFigures,
    PERMISSIONS.readOrgStructure,
    PERMISSIONS.readTargets,
  ],
  staff: [
    PERMISSIONS.readKpiFigures,
    PERMISSIONS.readOrgStructure,
    PERMISSIONS.readTargets,
  ],
  committee: [
    PERMISSIONS.readKpiFigures,
    PERMISSIONS.readOrgStructure,
    PERMISSIONS.readTargets,
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
