import {
  hasPermission,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
} from './permissions';

describe('role permissions', () => {
  it('only HR and admins may import, export the roster or read person-level data', () => {
    for (const role of ROLES) {
      const trusted = role === 'hr' || role === 'admin';
      expect(hasPermission(role, PERMISSIONS.importData)).toBe(trusted);
      expect(hasPermission(role, PERMISSIONS.exportRoster)).toBe(trusted);
      expect(hasPermission(role, PERMISSIONS.readPersonData)).toBe(trusted);
    }
  });

  it('every role may read the published figures and targets', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, PERMISSIONS.readKpiFigures)).toBe(true);
      expect(hasPermission(role, PERMISSIONS.readTargets)).toBe(true);
    }
  });

  it('only admins manage accounts, and admins hold every permission', () => {
    expect(
      ROLES.filter((role) => hasPermission(role, PERMISSIONS.manageAccounts)),
    ).toEqual(['admin']);
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual(
      Object.values(PERMISSIONS).sort(),
    );
  });
});
