import type {
  Review360AssignmentDto,
  Review360Relationship,
} from '@ikuboard/shared/contracts';

import { review360BossRows } from './review360-boss-rows';

const thresholds = {
  subordinateScores: 3,
  subordinateComments: 5,
  peerScores: 4,
  peerComments: 6,
};
const warn = (
  relationship: Review360Relationship,
  kind: string,
  count: number,
  min: number,
) => `${relationship} ${kind} ${count}<${min}`;

let n = 0;
function a(
  ratee: string,
  rater: string,
  relationship: Review360Relationship,
): Review360AssignmentDto {
  return {
    id: `id-${n++}`,
    ratee: { employeeNumber: ratee, name: `職員${ratee}` },
    rater: { employeeNumber: rater, name: `職員${rater}` },
    relationship,
  };
}

describe('review360BossRows', () => {
  it('counts raters per relationship for each manager, in the order they come', () => {
    const rows = review360BossRows(
      [
        a('M1', 'M1', 'self'),
        a('M1', 'D', 'supervisor'),
        a('M1', 's1', 'subordinate'),
        a('M1', 's2', 'subordinate'),
        a('M2', 'M2', 'self'),
        a('M1', 's3', 'subordinate'),
      ],
      thresholds,
      warn,
    );
    expect(rows.map((r) => [r.ratee.employeeNumber, r.counts])).toEqual([
      ['M1', { self: 1, supervisor: 1, subordinate: 3, peer: 0 }],
      ['M2', { self: 1, supervisor: 0, subordinate: 0, peer: 0 }],
    ]);
    expect(rows[0]?.assignments).toHaveLength(5);
  });

  it('warns below the score minimum, else below the comment minimum; peers only when there are some', () => {
    const staff = (boss: string, count: number) =>
      Array.from({ length: count }, (_, i) =>
        a(boss, `${boss}-s${i}`, 'subordinate'),
      );
    const peers = (boss: string, count: number) =>
      Array.from({ length: count }, (_, i) => a(boss, `${boss}-p${i}`, 'peer'));
    const rows = review360BossRows(
      [
        ...staff('A', 2),
        ...staff('B', 3),
        ...staff('C', 5),
        ...peers('C', 5),
        ...staff('D', 0),
        a('D', 'D', 'self'),
        ...staff('E', 4),
        ...peers('E', 3),
      ],
      thresholds,
      warn,
    );
    const warnings = Object.fromEntries(
      rows.map((r) => [r.ratee.employeeNumber, r.warnings]),
    );
    expect(warnings).toEqual({
      A: ['subordinate scores 2<3'],
      B: ['subordinate comments 3<5'],
      C: ['peer comments 5<6'],
      D: ['subordinate scores 0<3'],
      E: ['subordinate comments 4<5', 'peer scores 3<4'],
    });
  });
});
