import type { OrgUnitDto } from '@ikuboard/shared/contracts';

export interface OrgUnitOption {
  code: string;
  name: string;
  depth: number;
}

/**
 * The org-unit tree in depth-first order, keeping the API's order among siblings. A unit whose
 * parent is missing from the list is shown at the top level rather than dropped.
 */
export function flattenOrgUnits(units: readonly OrgUnitDto[]): OrgUnitOption[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, OrgUnitDto[]>();
  for (const unit of units) {
    const parent =
      unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const options: OrgUnitOption[] = [];
  const visited = new Set<string>();
  const visit = (parentId: string | null, depth: number): void => {
    for (const unit of children.get(parentId) ?? []) {
      if (visited.has(unit.id)) {
        continue;
      }
      visited.add(unit.id);
      options.push({ code: unit.code, name: unit.name, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}

/** Full-width spaces indent an <option>, which cannot be padded with CSS in every browser. */
export function indentedName(option: OrgUnitOption): string {
  return `${'\u3000'.repeat(option.depth)}${option.name}`;
}
