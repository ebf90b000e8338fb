import type { EmploymentCategory } from '@ikuboard/shared/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'employment_category' })
export class EmploymentCategoryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) code!: EmploymentCategory;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'name_en', type: 'text', nullable: true }) nameEn!:
    | string
    | null;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder!: number;
}
