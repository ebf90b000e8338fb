import type {
  ImportCellErrorDto,
  ImportKind,
  ImportStatus,
  ImportSummaryDto,
  LocalizedText,
} from '@ikuboard/shared/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity({ name: 'import_job' })
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId!:
    | string
    | null;
  @Column({ type: 'text' }) kind!: ImportKind;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun!: boolean;
  @Column({ name: 'as_of', type: 'date', nullable: true }) asOf!: string | null;
  @Column({ name: 'is_partial', type: 'boolean' }) isPartial!: boolean;
  @Column({ type: 'text' }) status!: ImportStatus;
  @Column({ name: 'processed_rows', type: 'integer' }) processedRows!: number;
  @Column({ name: 'total_rows', type: 'integer', nullable: true }) totalRows!:
    | number
    | null;
  @Column({ type: 'jsonb', nullable: true }) summary!: ImportSummaryDto | null;
  @Column({ name: 'error_count', type: 'integer' }) errorCount!: number;
  @Column({ type: 'jsonb' }) errors!: ImportCellErrorDto[];
  @Column({ type: 'jsonb', nullable: true }) failure!: {
    code: string;
    message: LocalizedText;
  } | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
  /** The id of the API process running the job (see ImportRunnerLease). */
  @Column({ type: 'uuid', nullable: true }) runner!: string | null;
}
