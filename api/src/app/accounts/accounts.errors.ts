import { HttpStatus } from '@nestjs/common';
import type { LocalizedText } from '@ikuboard/shared/contracts';

import { AppError, Errors } from '../../common/app-error';

const conflict = (code: string, ja: string, en: string) =>
  new AppError(HttpStatus.CONFLICT, code, { ja, en });

export const ACCOUNT: LocalizedText = { ja: 'アカウント', en: 'The account' };
export const EMPLOYEE: LocalizedText = { ja: '職員', en: 'The employee' };

export const AccountErrors = {
  notFound: () => Errors.notFound(ACCOUNT),
  employeeNotFound: () => Errors.notFound(EMPLOYEE),
  adminOnly: () =>
    new AppError(HttpStatus.FORBIDDEN, 'ACCOUNT_ADMIN_ONLY', {
      ja: 'システム管理者・人事課のアカウントの作成や変更は、システム管理者だけが行えます。',
      en: 'Only an administrator can create or change admin and HR accounts.',
    }),
  usernameTaken: () =>
    conflict(
      'USERNAME_TAKEN',
      'このユーザー名はすでに使われています。別のユーザー名にしてください。',
      'This username is already taken. Choose another one.',
    ),
  employeeAlreadyLinked: (username: string | null) =>
    conflict(
      'EMPLOYEE_ALREADY_LINKED',
      `この職員はすでに${username ? `アカウント「${username}」` : '別のアカウント'}と紐付けられています。先にそちらの紐付けを解除してください。`,
      `This employee is already linked to ${username ? `the account "${username}"` : 'another account'}. Unlink it there first.`,
    ),
  self: () =>
    conflict(
      'ACCOUNT_SELF',
      '自分自身のアカウントの削除や権限の変更はできません。別の管理者に依頼してください。',
      'You cannot delete your own account or change its role. Ask another administrator.',
    ),
  chairNeedsSigning: () =>
    Errors.validation([
      {
        ja: '委員長に指名できるのは、推進委員会の署名権限がある役割(委員・人事・管理者)のアカウントだけです。',
        en: 'Only an account whose role may sign committee reviews (committee, HR, admin) can be the chair.',
      },
    ]),
};
