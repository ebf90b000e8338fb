import type {
  Review360AssignmentDto,
  Review360Relationship,
  Review360Thresholds,
} from '@ikuboard/shared/contracts';

export interface Review360BossRow {
  ratee: { employeeNumber: string; name: string };
  counts: Record<Review360Relationship, number>;
  assignments: Review360AssignmentDto[];
  warnings: string[];
}

/**
 * Groups assignments by the person rated and warns where an anonymous relationship (staff,
 * peers) has raters but fewer than its minimum: that group's scores or comments would be hidden.
 * A manager with no staff raters at all is warned too (no staff figure can ever be shown).
 */
export function review360BossRows(
  assignments: readonly Review360AssignmentDto[],
  thresholds: Review360Thresholds,
  warn: (
    relationship: Review360Relationship,
    kind: 'scores' | 'comments',
    count: number,
    min: number,
  ) => string,
): Review360BossRow[] {
  const rows = new Map<string, Review360BossRow>();
  for (const a of assignments) {
    let row = rows.get(a.ratee.employeeNumber);
    if (!row) {
      row = {
        ratee: a.ratee,
        counts: { self: 0, supervisor: 0, subordinate: 0, peer: 0 },
        assignments: [],
        warnings: [],
      };
      rows.set(a.ratee.employeeNumber, row);
    }
    row.counts[a.relationship]++;
    row.assignments.push(a);
  }
  const limits: [Review360Relationship, number, number][] = [
    [
      'subordinate',
      thresholds.subordinateScores,
      thresholds.subordinateComments,
    ],
    ['peer', thresholds.peerScores, thresholds.peerComments],
  ];
  for (const row of rows.values())
    for (const [relationship, scores, comments] of limits) {
      const count = row.counts[relationship];
      if (relationship === 'peer' && count === 0) continue;
      if (count < scores)
        row.warnings.push(warn(relationship, 'scores', count, scores));
      else if (count < comments)
        row.warnings.push(warn(relationship, 'comments', count, comments));
    }
  return [...rows.values()];
}
