import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Effective from `validFrom` (inclusive) until `validTo` (exclusive; null = open). */
@Entity({ name: 'assignment' })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!:
    | string
    | null;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'position_stage_id', type: 'uuid' }) positionStageId!: string;
  @Column({ name: 'employment_category_id', type: 'uuid' })
  employmentCategoryId!: string;
}
