import type { OrgUnitDto } from '@ikuboard/shared/contracts';

import { flattenOrgUnits, indentedName } from './org-unit-tree';

const unit = (
  id: string,
  name: string,
  parentId: string | null,
): OrgUnitDto => ({
  id,
  code: `C${id}`,
  name,
  parentId,
  isEmployerUnit: parentId === null,
});

describe('flattenOrgUnits', () => {
  it('lists each unit right after its parent, indented by depth', () => {
    const options = flattenOrgUnits([
      unit('2', '人事課', '1'),
      unit('1', '総務局', null),
      unit('3', '給与係', '2'),
      unit('4', '教育委員会', null),
    ]);

    expect(options.map(indentedName)).toEqual([
      '総務局',
      '\u3000人事課',
      '\u3000\u3000給与係',
      '教育委員会',
    ]);
  });

  it('keeps a unit whose parent is unknown at the top level', () => {
    expect(flattenOrgUnits([unit('9', '孤立課', 'missing')])).toEqual([
      { code: 'C9', name: '孤立課', depth: 0 },
    ]);
  });
});
