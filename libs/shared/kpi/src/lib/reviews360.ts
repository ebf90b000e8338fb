import {
  REVIEW360_MIN_THRESHOLD,
  type LocalizedText,
  type Review360CellDto,
  type Review360Gap,
  type Review360Relationship,
  type Review360Status,
  type Review360Thresholds,
} from '@ikuboard/shared/contracts';

/** One anonymous response: item id → 1..5 (items rated 評価できない are absent). */
export type Review360Scores = Readonly<Record<string, number>>;

export const DEFAULT_REVIEW360_THRESHOLDS: Review360Thresholds = {
  subordinateScores: 3,
  subordinateComments: 5,
  peerScores: 3,
  peerComments: 5,
};

/** A self-vs-others difference beyond this many scale points is a blind spot or hidden strength. */
export const REVIEW360_GAP_POINTS = 1;

/**
 * The minimum number of answers behind a shown figure. Self and supervisor are attributed by
 * nature (one person each, and the rater is told so); subordinates and peers are anonymous groups.
 */
export function review360Threshold(
  thresholds: Review360Thresholds,
  relationship: Review360Relationship,
  kind: 'scores' | 'comments',
): number {
  switch (relationship) {
    case 'self':
    case 'supervisor':
      return 1;
    case 'subordinate':
      return kind === 'scores'
        ? thresholds.subordinateScores
        : thresholds.subordinateComments;
    case 'peer':
      return kind === 'scores'
        ? thresholds.peerScores
        : thresholds.peerComments;
  }
}

/**
 * Why a change of thresholds is refused: below 3, comments below scores, or (once launched)
 * lower than before. An empty list means the change is allowed.
 */
export function review360ThresholdViolations(
  status: Review360Status,
  current: Review360Thresholds,
  next: Review360Thresholds,
): LocalizedText[] {
  const problems: LocalizedText[] = [];
  const values = Object.values(next);
  if (values.some((v) => !Number.isInteger(v) || v < REVIEW360_MIN_THRESHOLD))
    problems.push({
      ja: `最低集計人数は${REVIEW360_MIN_THRESHOLD}人未満にできません。`,
      en: `A minimum group size cannot be below ${REVIEW360_MIN_THRESHOLD}.`,
    });
  if (
    next.subordinateComments < next.subordinateScores ||
    next.peerComments < next.peerScores
  )
    problems.push({
      ja: 'コメントの最低集計人数は点数の最低集計人数以上にしてください。',
      en: 'The minimum for comments must be at least the minimum for scores.',
    });
  if (
    status !== 'draft' &&
    (Object.keys(next) as (keyof Review360Thresholds)[]).some(
      (key) => next[key] < current[key],
    )
  )
    problems.push({
      ja: '実施開始後は最低集計人数を下げられません(引き上げのみ可能です)。',
      en: 'After launch a minimum group size can only be raised, never lowered.',
    });
  return problems;
}

/** A cell shows a mean only when at least `threshold` answers are behind it. */
export function review360Cell(
  sum: number,
  count: number,
  threshold: number,
): Review360CellDto {
  if (count === 0) return { status: 'no_data', mean: null, count: null };
  if (count < threshold)
    return { status: 'suppressed', mean: null, count: null };
  return { status: 'released', mean: sum / count, count };
}

/** The mean of one response over the given items (all when absent); null if none was rated. */
export function review360ResponseMean(
  scores: Review360Scores,
  itemIds?: readonly string[],
): number | null {
  const values = (itemIds ?? Object.keys(scores))
    .map((id) => scores[id])
    .filter((v): v is number => typeof v === 'number');
  return values.length === 0
    ? null
    : values.reduce((a, b) => a + b, 0) / values.length;
}

export interface Review360GroupSummary {
  /** itemId → cell: mean of the item's scores over the responses that rated it. */
  items: Record<string, Review360CellDto>;
  /** categoryId → cell: mean over responses of each response's mean over the category's items. */
  categories: Record<string, Review360CellDto>;
  /** Mean over responses of each response's mean over all rating items. */
  overall: Review360CellDto;
  /** Responses in the group (for the comment threshold). */
  responses: number;
}

/**
 * Item, category and overall figures for one relationship group of one person rated. Category and
 * overall figures average each response's own mean, so a category figure is never the sum of its
 * item cells and a suppressed item cannot be recovered by subtraction.
 */
export function summarizeReview360Group(
  responses: readonly Review360Scores[],
  items: readonly { id: string; categoryId: string }[],
  threshold: number,
): Review360GroupSummary {
  const itemCells: Record<string, Review360CellDto> = {};
  for (const item of items) {
    let sum = 0;
    let count = 0;
    for (const response of responses) {
      const value = response[item.id];
      if (typeof value === 'number') {
        sum += value;
        count++;
      }
    }
    itemCells[item.id] = review360Cell(sum, count, threshold);
  }
  const categoryIds = [...new Set(items.map((item) => item.categoryId))];
  const categoryCells: Record<string, Review360CellDto> = {};
  for (const categoryId of categoryIds) {
    const ids = items
      .filter((item) => item.categoryId === categoryId)
      .map((i) => i.id);
    categoryCells[categoryId] = meanOfResponseMeans(responses, ids, threshold);
  }
  return {
    items: itemCells,
    categories: categoryCells,
    overall: meanOfResponseMeans(
      responses,
      items.map((i) => i.id),
      threshold,
    ),
    responses: responses.length,
  };
}

function meanOfResponseMeans(
  responses: readonly Review360Scores[],
  itemIds: readonly string[],
  threshold: number,
): Review360CellDto {
  let sum = 0;
  let count = 0;
  for (const response of responses) {
    const mean = review360ResponseMean(response, itemIds);
    if (mean !== null) {
      sum += mean;
      count++;
    }
  }
  return review360Cell(sum, count, threshold);
}

/** Self minus others: self higher by more than a point is a blind spot, lower a hidden strength. */
export function review360Gap(
  self: Review360CellDto | undefined,
  others: Review360CellDto | undefined,
): { gap: number | null; flag: Review360Gap } {
  if (self?.status !== 'released' || others?.status !== 'released')
    return { gap: null, flag: null };
  const gap = self.mean! - others.mean!;
  const flag =
    gap > REVIEW360_GAP_POINTS
      ? 'blind_spot'
      : gap < -REVIEW360_GAP_POINTS
        ? 'hidden_strength'
        : null;
  return { gap, flag };
}

/**
 * Comments are shown only when the group has at least the comment threshold of responses, and
 * then in an order that says nothing about who wrote them or when (sorted by text).
 */
export function releasedReview360Comments(
  bodies: readonly string[],
  responses: number,
  threshold: number,
): { status: Review360CellDto['status']; bodies: string[] } {
  if (bodies.length === 0 && responses === 0)
    return { status: 'no_data', bodies: [] };
  if (responses < threshold) return { status: 'suppressed', bodies: [] };
  return {
    status: 'released',
    bodies: [...bodies].sort((a, b) => a.localeCompare(b, 'ja')),
  };
}

/**
 * A node of the roll-up tree: a unit or, as a leaf, one person rated. `sum` and `count` are over
 * the node's own responses (leaves) — inner nodes take theirs from their subtree.
 */
export interface Review360RollupNode {
  id: string;
  parentId: string | null;
  sum: number;
  count: number;
}

export interface Review360RollupCell {
  id: string;
  sum: number;
  count: number;
  cell: Review360CellDto;
}

/**
 * Primary and complementary suppression over a tree of nested groups. A node is shown only when it
 * has at least k responses, and, for every shown node, what is left after taking away its largest
 * shown sub-groups is either nothing or at least k responses: otherwise the smallest shown
 * sub-group is hidden too, until that holds. So no shown figure can be subtracted from another
 * (or a set of others) to isolate fewer than k responses.
 */
export function suppressReview360Rollups(
  nodes: readonly Review360RollupNode[],
  k: number,
): Map<string, Review360RollupCell> {
  const children = new Map<string | null, Review360RollupNode[]>();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const node of nodes) {
    const parent =
      node.parentId !== null && byId.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const totals = new Map<string, { sum: number; count: number }>();
  const total = (node: Review360RollupNode): { sum: number; count: number } => {
    const known = totals.get(node.id);
    if (known) return known;
    let sum = node.sum;
    let count = node.count;
    for (const child of children.get(node.id) ?? []) {
      const t = total(child);
      sum += t.sum;
      count += t.count;
    }
    const result = { sum, count };
    totals.set(node.id, result);
    return result;
  };
  for (const node of nodes) total(node);

  const shown = new Set(
    nodes.filter((node) => totals.get(node.id)!.count >= k).map((n) => n.id),
  );
  const maximalShownBelow = (id: string): string[] =>
    (children.get(id) ?? []).flatMap((child) =>
      shown.has(child.id) ? [child.id] : maximalShownBelow(child.id),
    );
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes) {
      if (!shown.has(node.id)) continue;
      for (;;) {
        const below = maximalShownBelow(node.id);
        const residual =
          totals.get(node.id)!.count -
          below.reduce((acc, id) => acc + totals.get(id)!.count, 0);
        if (residual === 0 || residual >= k || below.length === 0) break;
        const smallest = below.reduce((a, b) => {
          const ca = totals.get(a)!.count;
          const cb = totals.get(b)!.count;
          return cb < ca || (cb === ca && b < a) ? b : a;
        });
        shown.delete(smallest);
        changed = true;
      }
    }
  }
  const result = new Map<string, Review360RollupCell>();
  for (const node of nodes) {
    const { sum, count } = totals.get(node.id)!;
    result.set(node.id, {
      id: node.id,
      sum,
      count,
      cell:
        count === 0
          ? { status: 'no_data', mean: null, count: null }
          : shown.has(node.id)
            ? { status: 'released', mean: sum / count, count }
            : { status: 'suppressed', mean: null, count: null },
    });
  }
  return result;
}

/**
 * ikuboss_360_score: the mean, over the managers whose subordinate figure is shown, of that
 * figure; numerator = Σ of those means, denominator = their number.
 */
export function ikuboss360Score(managerCells: readonly Review360CellDto[]): {
  numerator: number;
  denominator: number;
  value: number | null;
} {
  const shown = managerCells.filter((cell) => cell.status === 'released');
  const numerator = shown.reduce((acc, cell) => acc + cell.mean!, 0);
  return {
    numerator,
    denominator: shown.length,
    value: shown.length === 0 ? null : numerator / shown.length,
  };
}
