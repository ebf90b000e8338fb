import type { LocalizedText } from './api.dto';

/** 360 / 多面評価 of bosses (DOMAIN.md §6): wire format of /api/v1/reviews360. */
export const REVIEW360_RELATIONSHIPS = [
  'self',
  'supervisor',
  'subordinate',
  'peer',
] as const;
export type Review360Relationship = (typeof REVIEW360_RELATIONSHIPS)[number];

export const REVIEW360_STATUSES = [
  'draft',
  'launched',
  'closed',
  'released',
] as const;
export type Review360Status = (typeof REVIEW360_STATUSES)[number];

/** The lowest threshold anyone may set for an anonymous group (subordinates, peers). */
export const REVIEW360_MIN_THRESHOLD = 3;

/** The 5-point frequency scale; 評価できない is sent as null. */
export const REVIEW360_SCALE: readonly Review360ScaleLabel[] = [
  { value: 1, ja: 'ほとんどない', en: 'Almost never' },
  { value: 2, ja: 'たまにある', en: 'Occasionally' },
  { value: 3, ja: 'ときどきある', en: 'Sometimes' },
  { value: 4, ja: 'よくある', en: 'Often' },
  { value: 5, ja: 'いつもある', en: 'Almost always' },
];
export const REVIEW360_UNABLE: LocalizedText = {
  ja: '評価できない',
  en: 'Unable to rate',
};

export interface Review360Thresholds {
  subordinateScores: number;
  subordinateComments: number;
  peerScores: number;
  peerComments: number;
}

export interface Review360CycleDto {
  id: string;
  fiscalYear: number;
  name: string;
  status: Review360Status;
  referenceDate: string;
  excludeHiredMonths: number;
  includeIndirect: boolean;
  includePeers: boolean;
  thresholds: Review360Thresholds;
  assignmentCount: number;
  itemCount: number;
}

export interface Review360CycleInputDto {
  fiscalYear: number;
  name: string;
  referenceDate: string;
  excludeHiredMonths?: number;
  includeIndirect?: boolean;
  includePeers?: boolean;
  thresholds?: Partial<Review360Thresholds>;
}

export interface Review360CategoryDto {
  id: string;
  code: string;
  name: LocalizedText;
}

export interface Review360ItemDto {
  id: string;
  categoryId: string;
  kind: 'rating' | 'text';
  text: LocalizedText;
  source: string | null;
}

/** One label of the 5-point frequency scale (1 = almost never … 5 = almost always). */
export interface Review360ScaleLabel {
  value: 1 | 2 | 3 | 4 | 5;
  ja: string;
  en: string;
}

export interface Review360QuestionnaireDto {
  categories: Review360CategoryDto[];
  items: Review360ItemDto[];
  /** The cycle's scale labels (the defaults unless HR changed them in draft). */
  scale: Review360ScaleLabel[];
  unable: LocalizedText;
}

export interface Review360QuestionnaireInputDto {
  categories: { code: string; name: LocalizedText }[];
  items: {
    categoryCode: string;
    kind: 'rating' | 'text';
    text: LocalizedText;
    source?: string | null;
  }[];
  /** Five labels, 1 → 5; absent = the default labels. */
  scale?: LocalizedText[];
  /** The label of 評価できない; absent = the default. */
  unable?: LocalizedText;
}

/** The shipped default Ikuboss item bank that HR picks items from (GET /reviews360/item-bank). */
export interface Review360ItemBankDto {
  categories: { code: string; name: LocalizedText }[];
  items: {
    categoryCode: string;
    kind: 'rating' | 'text';
    text: LocalizedText;
    source: string | null;
  }[];
  scale: Review360ScaleLabel[];
  unable: LocalizedText;
}

/** Options of POST cycles/:id/assignments/generate; given ones are stored on the draft cycle. */
export interface Review360GenerateInputDto {
  referenceDate?: string;
  excludeHiredMonths?: number;
  includeIndirect?: boolean;
  includePeers?: boolean;
}

export interface Review360AssignmentDto {
  id: string;
  ratee: { employeeNumber: string; name: string };
  rater: { employeeNumber: string; name: string };
  relationship: Review360Relationship;
}

export interface Review360AssignmentInputDto {
  rateeNumber: string;
  raterNumber: string;
  relationship: Review360Relationship;
}

/** What a rater sees: whom to rate, never whether anybody else has answered. */
export interface Review360TaskDto {
  assignmentId: string;
  cycleId: string;
  cycleName: string;
  fiscalYear: number;
  ratee: { name: string; unitName: string | null; stageName: string | null };
  relationship: Review360Relationship;
  answered: boolean;
  /** The minimum group sizes of this relationship, for the anonymity promise. */
  minScores: number;
  minComments: number;
}

export interface Review360SubmissionDto {
  /** One entry per rating item: 1..5, or null for 評価できない. */
  scores: Record<string, 1 | 2 | 3 | 4 | 5 | null>;
  /** Free text per text item; empty answers are left out. */
  comments?: Record<string, string>;
}

/** released = computed from at least the threshold; suppressed = some answers, too few to show. */
export type Review360CellStatus = 'released' | 'suppressed' | 'no_data';

export interface Review360CellDto {
  status: Review360CellStatus;
  /** Only when released. */
  mean: number | null;
  /** Only when released; a suppressed cell does not say how many answered. */
  count: number | null;
}

export type Review360Gap = 'blind_spot' | 'hidden_strength' | null;

export interface Review360ReportDto {
  cycle: Review360CycleDto;
  ratee: { name: string; unitName: string | null };
  categories: Review360CategoryDto[];
  items: Review360ItemDto[];
  relationships: Review360Relationship[];
  /** [itemId][relationship] */
  itemCells: Record<
    string,
    Partial<Record<Review360Relationship, Review360CellDto>>
  >;
  categoryCells: Record<
    string,
    Partial<Record<Review360Relationship, Review360CellDto>>
  >;
  overall: Partial<Record<Review360Relationship, Review360CellDto>>;
  gaps: Record<string, { gap: number | null; flag: Review360Gap }>;
  comments: {
    status: Review360CellStatus;
    byItem: {
      itemId: string;
      relationship: Review360Relationship;
      bodies: string[];
    }[];
  };
  trend: { fiscalYear: number; subordinate: Review360CellDto }[];
}

export interface Review360ManagerRowDto {
  employeeNumber: string;
  name: string;
  unitCode: string | null;
  unitName: string | null;
  subordinate: Review360CellDto;
  self: Review360CellDto;
}

export interface Review360UnitRollupDto {
  unitCode: string;
  unitName: string;
  parentCode: string | null;
  subordinate: Review360CellDto;
}

export interface Review360ResponseRateDto {
  unitCode: string;
  unitName: string;
  /** null when fewer than the threshold were asked in the unit (who answered would show). */
  assigned: number | null;
  submitted: number | null;
}

export interface Review360OverviewDto {
  cycle: Review360CycleDto;
  responseRates: Review360ResponseRateDto[];
  /** null when fewer than the threshold were asked in the whole organization. */
  total: { assigned: number; submitted: number } | null;
  /** Only after release. */
  managers: Review360ManagerRowDto[];
  units: Review360UnitRollupDto[];
  organization: Review360CellDto | null;
  /** Counts of released manager scores in bands 1–1.5, 1.5–2 … 4.5–5. */
  distribution: { from: number; to: number; count: number }[];
}
