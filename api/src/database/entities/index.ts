import { AccountEntity } from './account.entity';
import { AssignmentEntity } from './assignment.entity';
import { EmployeeEntity } from './employee.entity';
import { EmploymentCategoryEntity } from './employment-category.entity';
import { ImportJobEntity } from './import-job.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { OrganizationEntity } from './organization.entity';
import { PositionStageEntity } from './position-stage.entity';

export {
  AccountEntity,
  AssignmentEntity,
  EmployeeEntity,
  EmploymentCategoryEntity,
  ImportJobEntity,
  OrganizationEntity,
  OrgUnitEntity,
  PositionStageEntity,
};

export const ENTITIES = [
  AccountEntity,
  AssignmentEntity,
  EmployeeEntity,
  EmploymentCategoryEntity,
  ImportJobEntity,
  OrganizationEntity,
  OrgUnitEntity,
  PositionStageEntity,
];
