import { HttpStatus } from '@nestjs/common';

import { AppError } from '../../common/app-error';

/** 360 figures have no person-level drill-down: it would name raters or their answers. */
export const review360NoDrillDown = () =>
  new AppError(HttpStatus.BAD_REQUEST, 'REVIEW360_NO_DRILL_DOWN', {
    ja: '多面評価の指標は匿名性を守るため、職員単位の内訳を表示できません。',
    en: 'The 360 figures have no per-person breakdown: that would break anonymity.',
  });
