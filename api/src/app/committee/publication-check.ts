import {
  PUBLICATION_GROUPS,
  type CommitteeSnapshotDto,
  type PublicationCheckDto,
  type PublicationGroup,
} from '@ikuboard/shared/contracts';

const REQUIRED: readonly PublicationGroup[] = [
  'opportunity',
  'balance',
  'pay_gap',
];

/**
 * 内閣府令 第6条: at least one item of ① (イ–ヘ), at least one of ② and the pay gap (① ト). An item
 * counts only when it is chosen for publication and the snapshot has a figure for the review year.
 */
export function checkPublication(
  snapshot: CommitteeSnapshotDto,
  publishedItems: readonly string[],
): PublicationCheckDto {
  const withFigure = new Set(
    snapshot.organization
      .filter(
        (value) =>
          value.fiscalYear === snapshot.fiscalYear &&
          value.dimensions === undefined &&
          value.value !== null,
      )
      .map((value) => value.code as string),
  );
  const items = REQUIRED.map((group) => {
    const codes = publishedItems.filter(
      (code) => PUBLICATION_GROUPS[code] === group && withFigure.has(code),
    );
    return { group, passed: codes.length > 0, codes };
  });
  return { passed: items.every((item) => item.passed), items };
}

/** What a new review proposes to publish: every catalogued item with a figure in the review year. */
export function defaultPublishedItems(
  snapshot: CommitteeSnapshotDto,
): string[] {
  const codes = new Set<string>();
  for (const value of snapshot.organization)
    if (
      value.fiscalYear === snapshot.fiscalYear &&
      value.dimensions === undefined &&
      value.value !== null
    )
      codes.add(value.code);
  return [...codes];
}
