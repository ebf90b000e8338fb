import type { KpiCode, KpiMeasure, KpiValueDto } from './kpi-codes';
import type { Permission, Role } from './permissions';

/** A message the API gives in both languages; the web shows the one the user chose. */
export interface LocalizedText {
  ja: string;
  en: string;
}

/** Every error response of the API has this body. */
export interface ApiErrorDto {
  statusCode: number;
  /** Stable machine-readable code such as `IMPORT_EMPTY_FILE`. */
  code: string;
  message: LocalizedText;
  /** Field-level problems of a request body or query. */
  details?: LocalizedText[];
}

export interface LoginRequestDto {
  username: string;
  password: string;
}

export interface SessionDto {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
  organization: {
    id: string;
    code: string;
    name: string;
    nameEn: string | null;
  };
  employeeId: string | null;
  /** 職員番号 of the linked employee (a joint declaration lists the caller by it). */
  employeeNumber: string | null;
  /** The server runs with demo data; the sample files are offered. */
  demoMode: boolean;
  /** Send back in the `X-CSRF-Token` header of every state-changing request. */
  csrfToken: string;
}

export interface OrgUnitDto {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  isEmployerUnit: boolean;
}

export interface FiscalYearRangeDto {
  /** Fiscal years that have roster data, ascending. */
  fiscalYears: number[];
}

export type LegalBasis = 'josei_katsuyaku' | 'jisedai' | 'both';

/** 特定事業主行動計画: a plan with its period and legal basis. */
export interface PlanDto {
  id: string;
  name: string;
  startFiscalYear: number;
  endFiscalYear: number;
  legalBasis: LegalBasis;
}

export type PlanInputDto = Omit<PlanDto, 'id'>;

export interface TargetDto {
  id: string;
  planId: string;
  planName: string;
  kpiCode: KpiCode;
  /** null = the whole organization. */
  orgUnitCode: string | null;
  targetValue: number;
  targetFiscalYear: number;
  direction: 'gte' | 'lte';
  baselineValue: number | null;
  baselineFiscalYear: number | null;
  /** At most two, each at most 100 characters (the Cabinet Office 見える化 format). */
  actions: string[];
}

export type TargetInputDto = Omit<TargetDto, 'id' | 'planName'>;

export type TargetStatus = 'achieved' | 'on_track' | 'behind' | 'no_data';

export interface TargetProgressPointDto {
  fiscalYear: number;
  /** The KPI's value (unrounded), null without data. */
  actual: number | null;
  /** Linear from the baseline to the target; null before the baseline year or without a baseline. */
  trajectory: number | null;
  status: TargetStatus;
}

/** A target set against the figures: GET /api/v1/targets/progress?fy=… */
export interface TargetProgressDto extends TargetProgressPointDto {
  target: TargetDto;
  measure: KpiMeasure;
  /** actual − trajectory in the KPI's unit; positive is ahead for ≥ targets, behind for ≤ targets. */
  gap: number | null;
  /** Every fiscal year from the baseline (or the first year with data) to the target year. */
  series: TargetProgressPointDto[];
}

/** One unit's values of a KPI: GET /api/v1/kpis/breakdown?code=…&fy=…&by=employer_unit|child_unit */
export interface KpiBreakdownDto {
  unitCode: string;
  unitName: string;
  /** The headline value first, then its breakdown rows (dimensions), as GET /kpis gives them. */
  values: KpiValueDto[];
}

export const IMPORT_KINDS = [
  'units',
  'roster',
  'children',
  'leave',
  'overtime',
  'pay',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportCellErrorDto {
  sheet: string;
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Column header as written in the template (Japanese). */
  column: string;
  value: string | null;
  code: string;
  message: LocalizedText;
}

export type ImportStatus = 'running' | 'succeeded' | 'failed';

export interface ImportSummaryDto {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Employees in service before the as-of date and absent from a full roster. */
  separated: number;
  separatedEmployeeNumbers: string[];
}

export interface ImportJobDto {
  id: string;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  asOf: string | null;
  status: ImportStatus;
  /** Rows processed so far and the total once known, for the progress bar. */
  processedRows: number;
  totalRows: number | null;
  summary: ImportSummaryDto | null;
  errorCount: number;
  /** The first errors (at most 1,000); `errorCount` tells how many there were. */
  errors: ImportCellErrorDto[];
  /** A whole-file error such as a wrong file type. */
  failure: { code: string; message: LocalizedText } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A person behind a KPI figure, for the HR drill-down (person-level data). */
export interface KpiPersonDto {
  employeeNumber: string;
  name: string;
  /** The unit of the person's assignment at the start of the year. */
  unitName: string | null;
  reason: LocalizedText;
  /** What the person adds to a sum (days, hours, years, yen), for averages. */
  amount?: number;
}

/** GET /api/v1/kpis/:code/people?fy=…&unit=… */
export interface KpiPeopleDto {
  code: KpiCode;
  fiscalYear: number;
  numerator: KpiPersonDto[];
  denominator: KpiPersonDto[];
}
