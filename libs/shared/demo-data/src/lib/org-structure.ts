import type { DemoUnit } from './demo-city.types';
import { BUCHO, JICHO, KACHO, KACHO_HOSA, KAKARICHO } from './demo-stages';
import type {
  DepartmentTemplate,
  EmployerTemplate,
  SectionTemplate,
} from './unit-catalog';
import {
  ASSEMBLY_SECTIONS,
  EMPLOYER_TEMPLATES,
  GENERIC_SUBSECTIONS,
  numberedName,
  numberedNameEn,
  subsectionNameEn,
  WARD_NAMES,
} from './unit-catalog';
import type { Prng } from './prng';

export const LEVEL_EMPLOYER = 0;
export const LEVEL_DEPARTMENT = 1;
export const LEVEL_SECTION = 2;
export const LEVEL_SUBSECTION = 3;

export interface UnitNode {
  unit: DemoUnit;
  level: number;
  parent: number;
  /** Staff-level places (一般・主任 and non-permanent) of a 係; 0 for other levels. */
  capacity: number;
}

/** A post of 係長級 or above; its holder changes through promotions and transfers. */
export interface Seat {
  unit: number;
  stage: number;
  holder: number;
}

export interface OrgStructure {
  nodes: UnitNode[];
  seats: Seat[];
  subsections: number[];
  sections: number[];
  departments: number[];
}

const STAFF_PER_SUBSECTION = 10;
const SUBSECTIONS_PER_SECTION = 3;
const SECTIONS_PER_DEPARTMENT = 5;

/**
 * Builds 局/部 → 課 → 係 under the four employer units, about one 係 per 10 staff, and the posts
 * of 係長級 and above: a 係長 per 係, a 課長 per 課 (plus 担当課長 at the 局), 課長補佐 in larger
 * 課, a 部長 per 局 and a 次長 in larger 局.
 */
export function buildOrgStructure(staff: number, random: Prng): OrgStructure {
  const nodes: UnitNode[] = [];
  const seats: Seat[] = [];
  const totalSubsections = Math.max(
    EMPLOYER_TEMPLATES.length,
    Math.round(staff / STAFF_PER_SUBSECTION),
  );
  const add = (unit: DemoUnit, level: number, parent: number): number => {
    nodes.push({ unit, level, parent, capacity: 0 });
    return nodes.length - 1;
  };
  const addSeat = (unit: number, stage: number): void => {
    seats.push({ unit, stage, holder: -1 });
  };

  EMPLOYER_TEMPLATES.forEach((employer, employerIndex) => {
    const employerCode = String((employerIndex + 1) * 10);
    const employerNode = add(
      {
        code: employerCode,
        name: employer.name,
        nameEn: employer.nameEn,
        parentCode: null,
        isEmployerUnit: true,
      },
      LEVEL_EMPLOYER,
      -1,
    );
    const subsectionCount = Math.max(
      1,
      Math.round(totalSubsections * employer.staffShare),
    );
    const sectionCount = Math.max(
      1,
      Math.round(subsectionCount / SUBSECTIONS_PER_SECTION),
    );
    const departments = departmentsFor(employer, sectionCount);
    if (employer.hasHead) {
      addSeat(employerNode, BUCHO);
    }
    const sectionNodes: number[] = [];
    const sectionTemplates: SectionTemplate[] = [];
    const departmentNodes: number[] = [];
    if (departments === null) {
      for (let index = 0; index < sectionCount; index += 1) {
        const template = ASSEMBLY_SECTIONS[index % ASSEMBLY_SECTIONS.length];
        const copy = Math.floor(index / ASSEMBLY_SECTIONS.length) + 1;
        sectionNodes.push(addSection(template, copy, employerNode, index));
        sectionTemplates.push(template);
      }
      if (sectionCount >= 2) {
        addSeat(employerNode, JICHO);
      }
    } else {
      departments.forEach((department, departmentIndex) => {
        const code = `${employerCode}-${pad(departmentIndex + 1)}`;
        departmentNodes.push(
          add(
            {
              code,
              name: department.name,
              nameEn: department.nameEn,
              parentCode: employerCode,
              isEmployerUnit: false,
            },
            LEVEL_DEPARTMENT,
            employerNode,
          ),
        );
      });
      // Round-robin keeps small cities' 局 similar in size instead of one full 局 and many empty ones.
      const perDepartment = departments.map(() => 0);
      for (let index = 0; index < sectionCount; index += 1) {
        const departmentIndex = index % departments.length;
        const position = perDepartment[departmentIndex];
        perDepartment[departmentIndex] += 1;
        const templates = departments[departmentIndex].sections;
        const template = templates[position % templates.length];
        const copy = Math.floor(position / templates.length) + 1;
        sectionNodes.push(
          addSection(
            template,
            copy,
            departmentNodes[departmentIndex],
            position,
          ),
        );
        sectionTemplates.push(template);
      }
      departmentNodes.forEach((departmentNode, departmentIndex) => {
        addSeat(departmentNode, BUCHO);
        if (perDepartment[departmentIndex] >= 4) {
          addSeat(departmentNode, JICHO);
        }
        // 担当課長 (課長級 without a 課 of their own) bring managers to the usual ~7 % of staff.
        const extraSectionChiefs = Math.floor(
          perDepartment[departmentIndex] * 0.6,
        );
        for (let extra = 0; extra < extraSectionChiefs; extra += 1) {
          addSeat(departmentNode, KACHO);
        }
      });
    }

    const perSection = sectionNodes.map(() => 0);
    for (let index = 0; index < subsectionCount; index += 1) {
      const sectionIndex = index % sectionNodes.length;
      perSection[sectionIndex] += 1;
    }
    sectionNodes.forEach((sectionNode, sectionIndex) => {
      addSeat(sectionNode, KACHO);
      if (perSection[sectionIndex] >= 3 || random.chance(0.3)) {
        addSeat(sectionNode, KACHO_HOSA);
      }
      const names = subsectionNames(sectionTemplates[sectionIndex]);
      const section = nodes[sectionNode].unit;
      for (
        let position = 0;
        position < perSection[sectionIndex];
        position += 1
      ) {
        const baseName = names[position % names.length];
        const copy = Math.floor(position / names.length) + 1;
        const node = add(
          {
            code: `${section.code}-${pad(position + 1)}`,
            name: numberedName(baseName, copy),
            nameEn: numberedNameEn(
              subsectionNameEn(
                baseName,
                section.nameEn,
                position % names.length,
              ),
              copy,
            ),
            parentCode: section.code,
            isEmployerUnit: false,
          },
          LEVEL_SUBSECTION,
          sectionNode,
        );
        addSeat(node, KAKARICHO);
      }
    });
  });

  const subsections = indexesAt(nodes, LEVEL_SUBSECTION);
  distributeCapacity(nodes, subsections, staff - seats.length, random);
  return {
    nodes,
    seats,
    subsections,
    sections: indexesAt(nodes, LEVEL_SECTION),
    departments: indexesAt(nodes, LEVEL_DEPARTMENT),
  };

  function addSection(
    template: SectionTemplate,
    copy: number,
    parent: number,
    position: number,
  ): number {
    const parentCode = nodes[parent].unit.code;
    return add(
      {
        code: `${parentCode}-${pad(position + 1)}`,
        name: numberedName(template.name, copy),
        nameEn: numberedNameEn(template.nameEn, copy),
        parentCode,
        isEmployerUnit: false,
      },
      LEVEL_SECTION,
      parent,
    );
  }
}

function departmentsFor(
  employer: EmployerTemplate,
  sectionCount: number,
): DepartmentTemplate[] | null {
  if (employer.departments === null) {
    return null;
  }
  const count = Math.max(1, Math.round(sectionCount / SECTIONS_PER_DEPARTMENT));
  const departments = employer.departments.slice(0, count);
  for (let index = departments.length; index < count; index += 1) {
    const overflowIndex = index - employer.departments.length;
    const [ward, wardEn] = WARD_NAMES[overflowIndex % WARD_NAMES.length];
    const round = Math.floor(overflowIndex / WARD_NAMES.length) + 1;
    const suffix = round > 1 ? `第${round}` : '';
    departments.push({
      name: `${ward}${suffix}${employer.overflow.suffix}`,
      nameEn: `${wardEn}${round > 1 ? ` ${round}` : ''} ${employer.overflow.suffixEn}`,
      sections: employer.overflow.sections,
    });
  }
  return departments;
}

function subsectionNames(template: SectionTemplate): readonly string[] {
  const own = template.subsections ?? [];
  return [...own, ...GENERIC_SUBSECTIONS.filter((name) => !own.includes(name))];
}

function distributeCapacity(
  nodes: UnitNode[],
  subsections: number[],
  places: number,
  random: Prng,
): void {
  const weights = subsections.map(() => random.int(6, 11));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  let assigned = 0;
  subsections.forEach((node, index) => {
    const capacity = Math.max(
      1,
      Math.floor(
        (weights[index] / totalWeight) * Math.max(places, subsections.length),
      ),
    );
    nodes[node].capacity = capacity;
    assigned += capacity;
  });
  for (
    let index = 0;
    assigned < places;
    index = (index + 1) % subsections.length
  ) {
    nodes[subsections[index]].capacity += 1;
    assigned += 1;
  }
}

function indexesAt(nodes: UnitNode[], level: number): number[] {
  const indexes: number[] = [];
  nodes.forEach((node, index) => {
    if (node.level === level) {
      indexes.push(index);
    }
  });
  return indexes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
