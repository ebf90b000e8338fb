import {
  type TargetDraft,
  fieldOfApiDetail,
  parseNumber,
  toTargetInput,
  validateTargetDraft,
} from './target-form.validation';

const valid: TargetDraft = {
  planId: 'p1',
  kpiCode: 'female_manager_ratio',
  orgUnitCode: null,
  targetValue: '20',
  targetFiscalYear: 2029,
  direction: 'gte',
  baselineValue: '12.5',
  baselineFiscalYear: 2024,
  actions: ['管理職候補の研修を拡充する'],
};

describe('validateTargetDraft', () => {
  it('accepts a complete target', () => {
    expect(validateTargetDraft(valid)).toEqual({});
  });

  it('accepts an action of exactly 100 characters and refuses 101', () => {
    expect(
      validateTargetDraft({ ...valid, actions: ['あ'.repeat(100)] }),
    ).toEqual({});
    expect(
      validateTargetDraft({ ...valid, actions: ['短い', 'あ'.repeat(101)] })
        .actionLines,
    ).toEqual([null, 'targetForm.actionTooLong']);
  });

  it('refuses a third action', () => {
    expect(
      validateTargetDraft({ ...valid, actions: ['一', '二', '三'] }).actions,
    ).toBe('targetForm.tooManyActions');
  });

  it('requires plan, KPI, value and target year', () => {
    expect(
      validateTargetDraft({
        ...valid,
        planId: '',
        kpiCode: '',
        targetValue: ' ',
        targetFiscalYear: null,
      }),
    ).toEqual({
      planId: 'targetForm.required',
      kpiCode: 'targetForm.required',
      targetValue: 'targetForm.required',
      targetFiscalYear: 'targetForm.required',
    });
  });

  it('wants both baseline value and year, or neither, and the baseline first', () => {
    expect(validateTargetDraft({ ...valid, baselineFiscalYear: null })).toEqual(
      { baselineFiscalYear: 'targetForm.baselineBoth' },
    );
    expect(
      validateTargetDraft({
        ...valid,
        baselineValue: '',
        baselineFiscalYear: null,
      }),
    ).toEqual({});
    expect(validateTargetDraft({ ...valid, baselineFiscalYear: 2029 })).toEqual(
      { baselineFiscalYear: 'targetForm.baselineBeforeTarget' },
    );
  });
});

describe('toTargetInput', () => {
  it('reads full-width digits and drops empty actions', () => {
    const input = toTargetInput({
      ...valid,
      targetValue: '２０．５',
      actions: ['  ', '取組'],
    });
    expect(input.targetValue).toBe(20.5);
    expect(input.actions).toEqual(['取組']);
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('fieldOfApiDetail', () => {
  it('finds the field of a validation-pipe message and of the service messages', () => {
    expect(
      fieldOfApiDetail({
        ja: '「targetValue」の値が正しくありません(must be a number)。',
        en: 'targetValue: must be a number',
      }),
    ).toBe('targetValue');
    expect(
      fieldOfApiDetail({
        ja: '「actions.1」の値が正しくありません(too long)。',
        en: 'actions.1: too long',
      }),
    ).toBe('actions');
    expect(
      fieldOfApiDetail({
        ja: '基準年度は目標年度より前にしてください。',
        en: 'The baseline year must come before the target year.',
      }),
    ).toBe('baselineFiscalYear');
    expect(fieldOfApiDetail({ ja: '不明', en: 'Something else' })).toBeNull();
  });
});
