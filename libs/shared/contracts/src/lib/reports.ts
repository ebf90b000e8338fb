import type { LocalizedText } from './api.dto';

export type ReportJobStatus = 'running' | 'succeeded' | 'failed';

export const REPORT_KINDS = [
  'annual_statistics',
  'publication_tables',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A report built in the background: POST /reports/jobs, poll GET /reports/jobs/:id, then …/file. */
export interface ReportJobDto {
  id: string;
  kind: ReportKind;
  reviewId: string;
  status: ReportJobStatus;
  /** 0–100. */
  progress: number;
  fileName: string;
  failure: LocalizedText | null;
  /** Build time and the API process's peak resident memory while building, for operations. */
  durationMs: number | null;
  peakRssMb: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ReportJobInputDto {
  kind: ReportKind;
  reviewId: string;
}
