import type { OfficialStage } from '@ikuboard/shared/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'position_stage' })
export class PositionStageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'name_en', type: 'text', nullable: true }) nameEn!:
    | string
    | null;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder!: number;
  @Column({ name: 'official_stage', type: 'text' })
  officialStage!: OfficialStage;
  @Column({ name: 'is_manager', type: 'boolean' }) isManager!: boolean;
  @Column({ name: 'is_supervisor', type: 'boolean' }) isSupervisor!: boolean;
}
