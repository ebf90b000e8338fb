import type { Gender } from '@ikuboard/shared/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'employee' })
export class EmployeeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'employee_number', type: 'text' }) employeeNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) gender!: Gender;
  /** ISO date strings: `date` columns carry no time zone, and neither should their values. */
  @Column({ name: 'hire_date', type: 'date' }) hireDate!: string;
  @Column({ name: 'separation_date', type: 'date', nullable: true })
  separationDate!: string | null;
  @Column({ name: 'is_rehire', type: 'boolean' }) isRehire!: boolean;
  @Column({ name: 'is_midcareer', type: 'boolean' }) isMidcareer!: boolean;
  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
