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
  // Ikuboss declarations (issue 4): declare = sign one's own; progress = campaign completion
  // (a manager sees their own unit subtree); manage = templates, campaigns, every declaration.
  declareIkuboss: 'ikuboss:declare',
  readIkubossProgress: 'ikuboss:progress',
  manageIkubossDeclarations: 'ikuboss:manage',
  // Ikuboss programmes: nudges, trainings, practice goals, nominations and awards, local firms.
  readIkubossNudges: 'ikuboss-nudge:read',
  setIkubossPracticeGoal: 'ikuboss-goal:write',
  nominateIkuboss: 'ikuboss-nomination:write',
  grantIkubossAwards: 'ikuboss-award:write',
  manageIkubossProgrammes: 'ikuboss-programme:manage',
  // Committee review, official reports and publication (issue 6); signing also needs the chair flag.
  readCommitteeReview: 'committee:read',
  prepareCommitteeReview: 'committee:prepare',
  commentCommitteeReview: 'committee:comment',
  signCommitteeReview: 'committee:sign',
  publishCommitteeReview: 'committee:publish',
  exportReports: 'report:export',
  // Audit log (security): viewing and exporting who did what; admins only.
  readAuditLog: 'audit:read',
  // 360 / 多面評価 (reviews360): run cycles and see roll-ups; answering and one's own report need only a session.
  manageReviews360: 'review360:manage',
  // Account management (accounts screen): HR and admins list, create, link and maintain accounts;
  // only `account:manage` (admins) may touch admin and HR accounts or grant those roles.
  manageNonAdminAccounts: 'account:manage-non-admin',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const ALL: readonly Permission[] = Object.values(PERMISSIONS);

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ALL,
  hr: ALL.filter(
    (p) => p !== PERMISSIONS.manageAccounts && p !== PERMISSIONS.readAuditLog,
  ),
  manager: [
    PERMISSIONS.readKpiFigures,
    PERMISSIONS.readOrgStructure,
    PERMISSIONS.readTargets,
    // Ikuboss declarations
    PERMISSIONS.declareIkuboss,
    PERMISSIONS.readIkubossProgress,
    PERMISSIONS.readIkubossNudges,
    PERMISSIONS.setIkubossPracticeGoal,
    PERMISSIONS.nominateIkuboss,
  ],
  staff: [
    PERMISSIONS.readKpiFigures,
    PERMISSIONS.readOrgStructure,
    PERMISSIONS.readTargets,
    PERMISSIONS.nominateIkuboss,
  ],
  committee: [
    PERMISSIONS.readKpiFigures,
    PERMISSIONS.readOrgStructure,
    PERMISSIONS.readTargets,
    PERMISSIONS.grantIkubossAwards,
    PERMISSIONS.readCommitteeReview,
    PERMISSIONS.commentCommitteeReview,
    PERMISSIONS.signCommitteeReview,
    PERMISSIONS.exportReports,
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
