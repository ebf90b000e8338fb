import type { Role } from '@ikuboard/shared/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity({ name: 'account' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'employee_id', type: 'uuid', nullable: true }) employeeId!:
    | string
    | null;
  @Column({ name: 'is_demo', type: 'boolean' }) isDemo!: boolean;
  @Column({ name: 'failed_logins', type: 'integer' }) failedLogins!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
