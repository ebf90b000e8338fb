import type {
  KpiCode,
  LocalizedText,
  TargetInputDto,
} from '@ikuboard/shared/contracts';

import type { MessageKey } from '../../i18n/ja';

export const MAX_ACTIONS = 2;
export const MAX_ACTION_LENGTH = 100;

/** What the target form holds while it is edited: numbers stay text until they are checked. */
export interface TargetDraft {
  planId: string;
  kpiCode: KpiCode | '';
  orgUnitCode: string | null;
  targetValue: string;
  targetFiscalYear: number | null;
  direction: 'gte' | 'lte';
  baselineValue: string;
  baselineFiscalYear: number | null;
  actions: string[];
}

export const TARGET_FIELDS = [
  'planId',
  'kpiCode',
  'orgUnitCode',
  'targetValue',
  'targetFiscalYear',
  'direction',
  'baselineValue',
  'baselineFiscalYear',
  'actions',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export type TargetDraftErrors = Partial<Record<TargetField, MessageKey>> & {
  /** Per action line, e.g. too long. */
  actionLines?: (MessageKey | null)[];
};

export function validateTargetDraft(draft: TargetDraft): TargetDraftErrors {
  const errors: TargetDraftErrors = {};
  if (draft.planId === '') {
    errors.planId = 'targetForm.required';
  }
  if (draft.kpiCode === '') {
    errors.kpiCode = 'targetForm.required';
  }
  const targetValue = parseNumber(draft.targetValue);
  if (draft.targetValue.trim() === '') {
    errors.targetValue = 'targetForm.required';
  } else if (targetValue === null) {
    errors.targetValue = 'targetForm.notANumber';
  }
  if (draft.targetFiscalYear === null) {
    errors.targetFiscalYear = 'targetForm.required';
  }
  const hasBaselineValue = draft.baselineValue.trim() !== '';
  if (hasBaselineValue && parseNumber(draft.baselineValue) === null) {
    errors.baselineValue = 'targetForm.notANumber';
  } else if (hasBaselineValue !== (draft.baselineFiscalYear !== null)) {
    const missing = hasBaselineValue ? 'baselineFiscalYear' : 'baselineValue';
    errors[missing] = 'targetForm.baselineBoth';
  } else if (
    draft.baselineFiscalYear !== null &&
    draft.targetFiscalYear !== null &&
    draft.baselineFiscalYear >= draft.targetFiscalYear
  ) {
    errors.baselineFiscalYear = 'targetForm.baselineBeforeTarget';
  }
  if (draft.actions.length > MAX_ACTIONS) {
    errors.actions = 'targetForm.tooManyActions';
  }
  const lines = draft.actions.map((action) =>
    [...action.trim()].length > MAX_ACTION_LENGTH
      ? ('targetForm.actionTooLong' as const)
      : null,
  );
  if (lines.some((line) => line !== null)) {
    errors.actionLines = lines;
  }
  return errors;
}

export function hasErrors(errors: TargetDraftErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The request body of a valid draft; empty actions are dropped. */
export function toTargetInput(draft: TargetDraft): TargetInputDto {
  const baselineValue = parseNumber(draft.baselineValue);
  return {
    planId: draft.planId,
    kpiCode: draft.kpiCode as KpiCode,
    orgUnitCode: draft.orgUnitCode,
    targetValue: parseNumber(draft.targetValue) ?? 0,
    targetFiscalYear: draft.targetFiscalYear ?? 0,
    direction: draft.direction,
    baselineValue,
    baselineFiscalYear:
      baselineValue === null ? null : draft.baselineFiscalYear,
    actions: draft.actions
      .map((action) => action.trim())
      .filter((action) => action !== ''),
  };
}

/** Characters as a person counts them (a surrogate pair is one). */
export function actionLength(action: string): number {
  return [...action.trim()].length;
}

/** Accepts full-width digits as typed with a Japanese IME: ２０．５ → 20.5. */
export function parseNumber(text: string): number | null {
  const normalized = text.normalize('NFKC').trim().replace(/[,，]/g, '');
  if (normalized === '' || !/^[+-]?\d+(\.\d+)?$/.test(normalized)) {
    return null;
  }
  return Number(normalized);
}

const FIELD_KEYWORDS: readonly [RegExp, TargetField][] = [
  [/baseline ?(value)?\b.*(year|fiscal)|基準年度/i, 'baselineFiscalYear'],
  [/baseline|基準値/i, 'baselineValue'],
  [/target year|target fiscal|目標年度/i, 'targetFiscalYear'],
  [/target value|目標値/i, 'targetValue'],
  [/action|取組/i, 'actions'],
  [/org(anization)? ?unit|所属|組織/i, 'orgUnitCode'],
  [/\bplan\b|計画/i, 'planId'],
  [/\bkpi\b|指標/i, 'kpiCode'],
  [/direction|以上|以下/i, 'direction'],
];

/**
 * The API names no field in `details`; validation-pipe messages begin with the property
 * (`targetValue: must be a number`, 「targetValue」), the service's own ones mention the field
 * in words. Anything unrecognised is shown above the form instead.
 */
export function fieldOfApiDetail(detail: LocalizedText): TargetField | null {
  const property =
    /^([A-Za-z]+)(?:\.\d+)?\s*:/.exec(detail.en)?.[1] ??
    /「([A-Za-z]+)(?:\.\d+)?」/.exec(detail.ja)?.[1];
  if (property && (TARGET_FIELDS as readonly string[]).includes(property)) {
    return property as TargetField;
  }
  for (const [pattern, field] of FIELD_KEYWORDS) {
    if (pattern.test(detail.en) || pattern.test(detail.ja)) {
      return field;
    }
  }
  return null;
}
