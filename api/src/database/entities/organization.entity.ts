import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity({ name: 'organization' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'name_en', type: 'text', nullable: true }) nameEn!:
    | string
    | null;
  @Column({ type: 'text' }) kind!: 'municipality' | 'company' | 'consortium';
  @Column({ name: 'hours_per_day', type: 'numeric', precision: 4, scale: 2 })
  hoursPerDay!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
