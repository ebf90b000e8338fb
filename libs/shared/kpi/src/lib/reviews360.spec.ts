import fc from 'fast-check';

import {
  ikuboss360Score,
  releasedReview360Comments,
  review360Gap,
  review360ThresholdViolations,
  summarizeReview360Group,
  suppressReview360Rollups,
  type Review360RollupNode,
} from './reviews360';

const base = {
  subordinateScores: 3,
  subordinateComments: 5,
  peerScores: 3,
  peerComments: 5,
};

/** A random tree: node i's parent is one of the nodes before it (or none); leaves hold responses. */
const treeArbitrary = fc
  .array(
    fc.record({
      parentPick: fc.option(fc.nat(), { nil: null }),
      scores: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 8 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((specs) =>
    specs.map((spec, index): Review360RollupNode & { members: string[] } => ({
      id: `n${String(index).padStart(2, '0')}`,
      parentId:
        index === 0 || spec.parentPick === null
          ? null
          : `n${String(spec.parentPick % index).padStart(2, '0')}`,
      sum: spec.scores.reduce((a, b) => a + b, 0),
      count: spec.scores.length,
      members: spec.scores.map((_, m) => `n${index}-r${m}`),
    })),
  );

/** Every response id under a node, computed independently of the code under test. */
function membersOf(
  nodes: readonly (Review360RollupNode & { members: string[] })[],
  id: string,
): Set<string> {
  const result = new Set<string>();
  const visit = (current: string) => {
    for (const node of nodes) {
      if (node.id === current) node.members.forEach((m) => result.add(m));
      if (node.parentId === current) visit(node.id);
    }
  };
  visit(id);
  return result;
}

describe('360 suppression of roll-ups', () => {
  it('never shows a figure computed from fewer than k responses', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.integer({ min: 3, max: 6 }), (nodes, k) => {
        const cells = suppressReview360Rollups(nodes, k);
        for (const node of nodes) {
          const cell = cells.get(node.id)!.cell;
          if (cell.status === 'released')
            expect(membersOf(nodes, node.id).size).toBeGreaterThanOrEqual(k);
        }
      }),
    );
  });

  it('never shows two figures whose groups differ by between 1 and k − 1 responses', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.integer({ min: 3, max: 6 }), (nodes, k) => {
        const cells = suppressReview360Rollups(nodes, k);
        const shown = nodes.filter(
          (n) => cells.get(n.id)!.cell.status === 'released',
        );
        for (const a of shown)
          for (const b of shown) {
            const ma = membersOf(nodes, a.id);
            const mb = membersOf(nodes, b.id);
            const onlyA = [...ma].filter((m) => !mb.has(m)).length;
            expect(onlyA === 0 || onlyA >= k).toBe(true);
          }
      }),
    );
  });

  it('leaves nothing isolatable by subtracting all shown sub-groups from a shown group', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.integer({ min: 3, max: 6 }), (nodes, k) => {
        const cells = suppressReview360Rollups(nodes, k);
        const isShown = (id: string) =>
          cells.get(id)!.cell.status === 'released';
        for (const node of nodes.filter((n) => isShown(n.id))) {
          const all = membersOf(nodes, node.id);
          for (const other of nodes)
            if (other.id !== node.id && isShown(other.id)) {
              const sub = membersOf(nodes, other.id);
              if ([...sub].every((m) => all.has(m)))
                sub.forEach((m) => all.delete(m));
            }
          expect(all.size === 0 || all.size >= k).toBe(true);
        }
      }),
    );
  });

  it('shows a unit whose two managers both have enough answers, and the managers', () => {
    const cells = suppressReview360Rollups(
      [
        { id: 'unit', parentId: null, sum: 0, count: 0 },
        { id: 'a', parentId: 'unit', sum: 12, count: 3 },
        { id: 'b', parentId: 'unit', sum: 20, count: 5 },
      ],
      3,
    );
    expect(cells.get('unit')!.cell).toEqual({
      status: 'released',
      mean: 4,
      count: 8,
    });
    expect(cells.get('a')!.cell.mean).toBe(4);
    expect(cells.get('b')!.cell.mean).toBe(4);
  });

  it('hides the next smallest manager when a unit minus its shown managers would leave 1 or 2 answers', () => {
    // unit = 3 + 4 + 2; b is below 3 and unit − a − c would isolate it, so a (the smaller) goes too.
    const cells = suppressReview360Rollups(
      [
        { id: 'unit', parentId: null, sum: 0, count: 0 },
        { id: 'a', parentId: 'unit', sum: 9, count: 3 },
        { id: 'b', parentId: 'unit', sum: 2, count: 2 },
        { id: 'c', parentId: 'unit', sum: 16, count: 4 },
      ],
      3,
    );
    expect(cells.get('b')!.cell.status).toBe('suppressed');
    expect(cells.get('a')!.cell.status).toBe('suppressed');
    expect(cells.get('c')!.cell.status).toBe('released');
    expect(cells.get('unit')!.cell).toEqual({
      status: 'released',
      mean: 27 / 9,
      count: 9,
    });
  });

  it('marks a node without answers as no data, not suppressed', () => {
    const cells = suppressReview360Rollups(
      [{ id: 'x', parentId: null, sum: 0, count: 0 }],
      3,
    );
    expect(cells.get('x')!.cell.status).toBe('no_data');
  });
});

describe('360 group figures', () => {
  const items = [
    { id: 'i1', categoryId: 'c1' },
    { id: 'i2', categoryId: 'c1' },
    { id: 'i3', categoryId: 'c2' },
  ];

  it('computes item, category and overall means by hand', () => {
    const summary = summarizeReview360Group(
      [
        { i1: 5, i2: 3, i3: 4 },
        { i1: 4, i3: 2 },
        { i1: 3, i2: 1, i3: 5 },
      ],
      items,
      3,
    );
    expect(summary.items['i1']).toEqual({
      status: 'released',
      mean: 4,
      count: 3,
    });
    // i2 was rated by only two (one said 評価できない).
    expect(summary.items['i2']!.status).toBe('suppressed');
    // c1 per response: (5+3)/2 = 4, 4, (3+1)/2 = 2 → 10/3.
    expect(summary.categories['c1']!.mean).toBeCloseTo(10 / 3, 12);
    // overall per response: 4, 3, 3 → 10/3.
    expect(summary.overall.mean).toBeCloseTo(10 / 3, 12);
  });

  it('never releases an item cell with fewer scores than the threshold', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            i1: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
            i2: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
            i3: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 3, max: 6 }),
        (raw, k) => {
          const responses = raw.map(
            (r) =>
              Object.fromEntries(
                Object.entries(r).filter(([, v]) => v !== undefined),
              ) as Record<string, number>,
          );
          const summary = summarizeReview360Group(responses, items, k);
          for (const item of items) {
            const rated = responses.filter((r) => item.id in r).length;
            const cell = summary.items[item.id]!;
            expect(cell.status === 'released').toBe(rated >= k);
            expect(cell.status === 'no_data').toBe(rated === 0);
          }
        },
      ),
    );
  });

  it('shows comments only at the comment threshold, sorted rather than in arrival order', () => {
    expect(releasedReview360Comments(['b', 'a'], 4, 5)).toEqual({
      status: 'suppressed',
      bodies: [],
    });
    expect(releasedReview360Comments(['b', 'a'], 5, 5)).toEqual({
      status: 'released',
      bodies: ['a', 'b'],
    });
    expect(releasedReview360Comments([], 0, 5).status).toBe('no_data');
  });

  it('flags a blind spot above one point and a hidden strength below minus one', () => {
    const cell = (mean: number) =>
      ({ status: 'released', mean, count: 3 }) as const;
    expect(review360Gap(cell(4.6), cell(3.5)).flag).toBe('blind_spot');
    expect(review360Gap(cell(2.4), cell(3.5)).flag).toBe('hidden_strength');
    expect(review360Gap(cell(4.5), cell(3.5)).flag).toBeNull();
    expect(
      review360Gap(cell(5), { status: 'suppressed', mean: null, count: null }),
    ).toEqual({ gap: null, flag: null });
  });

  it('averages only the shown manager figures for ikuboss_360_score', () => {
    expect(
      ikuboss360Score([
        { status: 'released', mean: 4, count: 3 },
        { status: 'suppressed', mean: null, count: null },
        { status: 'released', mean: 3, count: 5 },
      ]),
    ).toEqual({ numerator: 7, denominator: 2, value: 3.5 });
    expect(ikuboss360Score([]).value).toBeNull();
  });
});

describe('360 thresholds', () => {
  it('refuses anything below 3', () => {
    expect(
      review360ThresholdViolations('draft', base, {
        ...base,
        subordinateScores: 2,
      }),
    ).toHaveLength(1);
  });

  it('allows lowering in draft but only raising after launch', () => {
    const lower = { ...base, subordinateComments: 4 };
    expect(review360ThresholdViolations('draft', base, lower)).toEqual([]);
    expect(review360ThresholdViolations('launched', base, lower)).toHaveLength(
      1,
    );
    expect(
      review360ThresholdViolations('closed', base, {
        ...base,
        subordinateScores: 4,
      }),
    ).toEqual([]);
  });

  it('refuses a comment threshold below the score threshold', () => {
    expect(
      review360ThresholdViolations('draft', base, {
        ...base,
        subordinateScores: 6,
      }),
    ).toHaveLength(1);
  });
});
