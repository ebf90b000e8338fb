import { hasPermission, PERMISSIONS } from '@ikuboard/shared/contracts';

import type { AuthContext } from '../../common/access.decorator';
import type { Queryable } from '../../database/queryable';
import { IkubossErrors } from './declarations.errors';

/** HR sees everything; a manager sees the subtree of the unit they work in today. */
export type IkubossViewer =
  | { kind: 'hr' }
  | { kind: 'manager'; employeeId: string; unitId: string };

export function isIkubossManager(auth: AuthContext): boolean {
  return hasPermission(auth.role, PERMISSIONS.manageIkubossDeclarations);
}

export async function ikubossViewer(
  db: Queryable,
  auth: AuthContext,
): Promise<IkubossViewer> {
  if (isIkubossManager(auth)) return { kind: 'hr' };
  if (!auth.employeeId) throw IkubossErrors.noLinkedEmployee();
  const unitId = await currentUnitId(db, auth.organizationId, auth.employeeId);
  if (!unitId) throw IkubossErrors.noLinkedEmployee();
  return { kind: 'manager', employeeId: auth.employeeId, unitId };
}

/** The unit of the employee's latest assignment that has started by today. */
export async function currentUnitId(
  db: Queryable,
  organizationId: string,
  employeeId: string,
): Promise<string | null> {
  const rows = (await db.query(
    `SELECT org_unit_id FROM assignment
      WHERE organization_id = $1 AND employee_id = $2 AND valid_from <= CURRENT_DATE
      ORDER BY valid_from DESC LIMIT 1`,
    [organizationId, employeeId],
  )) as { org_unit_id: string }[];
  return rows[0]?.org_unit_id ?? null;
}
