import type {
  Review360CellDto,
  Review360ResponseRateDto,
  Review360Thresholds,
  Review360UnitRollupDto,
} from '@ikuboard/shared/contracts';
import {
  review360ResponseMean,
  suppressReview360Rollups,
  type Review360RollupNode,
  type Review360Scores,
} from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';

/** The unit each employee was in on the cycle's reference date. */
export const UNIT_ON_REFERENCE = `
  LEFT JOIN LATERAL (
    SELECT a.org_unit_id FROM assignment a
     WHERE a.organization_id = e.organization_id AND a.employee_id = e.id
       AND a.valid_from <= c.reference_date AND (a.valid_to IS NULL OR a.valid_to > c.reference_date)
     ORDER BY a.valid_from DESC LIMIT 1) ua ON true`;

export interface Review360Ratee {
  id: string;
  employeeNumber: string;
  name: string;
  unitId: string | null;
}

export interface Review360OrgRollup {
  ratees: Review360Ratee[];
  units: { id: string; code: string; name: string; parentId: string | null }[];
  /** Subordinate figure of each person rated as HR may see it (with complementary suppression). */
  managerCells: Map<string, Review360CellDto>;
  unitCells: Map<string, Review360CellDto>;
  organizationCell: Review360CellDto;
}

/** The whole organization is the root of every roll-up tree, so its total is checked too. */
const ORG = 'organization';

/**
 * Subordinate scores of a cycle rolled up over the unit tree, people rated as leaves under their
 * unit on the reference date. Every figure HR sees (per person, per unit, the KPI) comes from this
 * one suppression pass over the whole organization, so a filter can only pick figures, never
 * compute a new, smaller one.
 */
export async function review360OrgRollup(
  db: Queryable,
  organizationId: string,
  cycleId: string,
  thresholds: Review360Thresholds,
): Promise<Review360OrgRollup> {
  const [ratees, units, responses] = (await Promise.all([
    db.query(
      `SELECT DISTINCT e.id, e.employee_number AS "employeeNumber", e.name, ua.org_unit_id AS "unitId"
         FROM review360_assignment x
         JOIN review360_cycle c ON c.organization_id = x.organization_id AND c.id = x.cycle_id
         JOIN employee e ON e.organization_id = x.organization_id AND e.id = x.ratee_id
         ${UNIT_ON_REFERENCE}
        WHERE x.organization_id = $1 AND x.cycle_id = $2
        ORDER BY e.employee_number`,
      [organizationId, cycleId],
    ),
    db.query(
      `SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organization_id = $1 ORDER BY sort_order, code`,
      [organizationId],
    ),
    db.query(
      `SELECT ratee_id AS "rateeId", scores FROM review360_response
        WHERE organization_id = $1 AND cycle_id = $2 AND relationship = 'subordinate'`,
      [organizationId, cycleId],
    ),
  ])) as [
    Review360Ratee[],
    Review360OrgRollup['units'],
    { rateeId: string; scores: Review360Scores }[],
  ];
  const perRatee = new Map<string, { sum: number; count: number }>();
  for (const response of responses) {
    const mean = review360ResponseMean(response.scores);
    if (mean === null) continue;
    const entry = perRatee.get(response.rateeId) ?? { sum: 0, count: 0 };
    entry.sum += mean;
    entry.count++;
    perRatee.set(response.rateeId, entry);
  }
  const nodes: Review360RollupNode[] = [
    { id: ORG, parentId: null, sum: 0, count: 0 },
    ...units.map((unit) => ({
      id: `u:${unit.id}`,
      parentId: unit.parentId ? `u:${unit.parentId}` : ORG,
      sum: 0,
      count: 0,
    })),
    ...ratees.map((ratee) => ({
      id: `m:${ratee.id}`,
      parentId: ratee.unitId ? `u:${ratee.unitId}` : ORG,
      sum: perRatee.get(ratee.id)?.sum ?? 0,
      count: perRatee.get(ratee.id)?.count ?? 0,
    })),
  ];
  const cells = suppressReview360Rollups(nodes, thresholds.subordinateScores);
  return {
    ratees,
    units,
    managerCells: new Map(
      ratees.map((r) => [r.id, cells.get(`m:${r.id}`)!.cell]),
    ),
    unitCells: new Map(units.map((u) => [u.id, cells.get(`u:${u.id}`)!.cell])),
    organizationCell: cells.get(ORG)!.cell,
  };
}

export function unitRollupDtos(
  rollup: Review360OrgRollup,
): Review360UnitRollupDto[] {
  const codeOf = new Map(rollup.units.map((u) => [u.id, u.code]));
  return rollup.units.map((unit) => ({
    unitCode: unit.code,
    unitName: unit.name,
    parentCode: unit.parentId ? (codeOf.get(unit.parentId) ?? null) : null,
    subordinate: rollup.unitCells.get(unit.id)!,
  }));
}

/**
 * Assigned and submitted counts by the rater's unit. A unit is shown only when at least k
 * assignments are behind it, with the same complementary suppression as the scores, so HR can
 * never tell whether one particular person has answered.
 */
export async function review360ResponseRates(
  db: Queryable,
  organizationId: string,
  cycleId: string,
  k: number,
): Promise<{
  units: Review360ResponseRateDto[];
  byUnitId: Map<string, { assigned: number; submitted: number } | null>;
  /** null when fewer than k were asked in the whole organization. */
  total: { assigned: number; submitted: number } | null;
}> {
  const [units, counts] = (await Promise.all([
    db.query(
      `SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organization_id = $1 ORDER BY sort_order, code`,
      [organizationId],
    ),
    db.query(
      `SELECT ua.org_unit_id AS "unitId", count(*)::int AS assigned, count(p.assignment_id)::int AS submitted
         FROM review360_assignment x
         JOIN review360_cycle c ON c.organization_id = x.organization_id AND c.id = x.cycle_id
         JOIN employee e ON e.organization_id = x.organization_id AND e.id = x.rater_id
         ${UNIT_ON_REFERENCE}
         LEFT JOIN review360_participation p ON p.assignment_id = x.id
        WHERE x.organization_id = $1 AND x.cycle_id = $2 AND x.relationship <> 'self'
        GROUP BY ua.org_unit_id`,
      [organizationId, cycleId],
    ),
  ])) as [
    { id: string; code: string; name: string; parentId: string | null }[],
    { unitId: string | null; assigned: number; submitted: number }[],
  ];
  const byUnit = new Map(counts.map((row) => [row.unitId, row]));
  const cells = suppressReview360Rollups(
    [
      {
        id: ORG,
        parentId: null,
        sum: byUnit.get(null)?.submitted ?? 0,
        count: byUnit.get(null)?.assigned ?? 0,
      },
      ...units.map((unit) => ({
        id: unit.id,
        parentId: unit.parentId ?? ORG,
        sum: byUnit.get(unit.id)?.submitted ?? 0,
        count: byUnit.get(unit.id)?.assigned ?? 0,
      })),
    ],
    k,
  );
  const byUnitId = new Map<
    string,
    { assigned: number; submitted: number } | null
  >();
  const dtos = units.map((unit) => {
    const cell = cells.get(unit.id)!;
    const shown = cell.cell.status === 'released';
    byUnitId.set(
      unit.id,
      shown ? { assigned: cell.count, submitted: cell.sum } : null,
    );
    return {
      unitCode: unit.code,
      unitName: unit.name,
      assigned: shown ? cell.count : null,
      submitted: shown ? cell.sum : null,
    };
  });
  const root = cells.get(ORG)!;
  const total =
    root.cell.status === 'released'
      ? { assigned: root.count, submitted: root.sum }
      : null;
  return { units: dtos, byUnitId, total };
}
