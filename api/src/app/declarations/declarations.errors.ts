import { HttpStatus } from '@nestjs/common';

import { AppError, Errors } from '../../common/app-error';

const conflict = (code: string, ja: string, en: string) =>
  new AppError(HttpStatus.CONFLICT, code, { ja, en });

export const IkubossErrors = {
  declarationNotFound: () =>
    Errors.notFound({ ja: 'イクボス宣言', en: 'The Ikuboss declaration' }),
  campaignNotFound: () =>
    Errors.notFound({ ja: 'イクボス宣言キャンペーン', en: 'The campaign' }),
  templateNotFound: () =>
    Errors.notFound({ ja: '宣言書のひな形', en: 'The declaration template' }),
  organizationNotFound: () =>
    Errors.notFound({ ja: '組織', en: 'The organization' }),
  noLinkedEmployee: () => Errors.accountNotLinked(),
  notDeclarer: () =>
    new AppError(HttpStatus.FORBIDDEN, 'IKUBOSS_NOT_DECLARER', {
      ja: '宣言者本人だけが署名・編集できます。',
      en: 'Only the declarer can sign or edit this declaration.',
    }),
  outsideSubtree: () =>
    new AppError(HttpStatus.FORBIDDEN, 'IKUBOSS_OUTSIDE_SUBTREE', {
      ja: '自分の所属の配下だけを表示できます。',
      en: 'You can only see your own unit and the units under it.',
    }),
  alreadySigned: () =>
    conflict(
      'IKUBOSS_ALREADY_SIGNED',
      '署名済みの宣言は変更できません。',
      'A signed declaration cannot be changed.',
    ),
  signatureStarted: () =>
    conflict(
      'IKUBOSS_SIGNATURE_STARTED',
      '共同宣言者の署名が始まっているため、内容を変更できません。',
      'A co-declarer has already signed, so the content can no longer change.',
    ),
  youSigned: () =>
    conflict(
      'IKUBOSS_ALREADY_SIGNED_BY_YOU',
      'この宣言にはすでに署名しています。',
      'You have already signed this declaration.',
    ),
  notSigned: () =>
    conflict(
      'IKUBOSS_NOT_SIGNED',
      '署名されていない宣言は取り消せません。下書きは削除できます。',
      'Only a signed declaration can be revoked; a draft can be deleted.',
    ),
  alreadyRevoked: () =>
    conflict(
      'IKUBOSS_ALREADY_REVOKED',
      'この宣言はすでに取り消されています。',
      'This declaration has already been revoked.',
    ),
  alreadyRenewed: () =>
    conflict(
      'IKUBOSS_ALREADY_RENEWED',
      'この宣言はすでに翌年度へ更新されています。',
      'This declaration has already been renewed for the next year.',
    ),
  activeDeclarationExists: (names: string, fiscalYear: number) =>
    conflict(
      'IKUBOSS_DECLARATION_EXISTS',
      `${names}には${fiscalYear}年度の宣言(下書きまたは署名済み)がすでにあります。`,
      `${names} already has a declaration (draft or signed) for FY${fiscalYear}.`,
    ),
  noTemplate: () =>
    conflict(
      'IKUBOSS_NO_TEMPLATE',
      '宣言書のひな形がありません。人事課がひな形を登録してください。',
      'There is no declaration template yet. HR must create one first.',
    ),
  unsignedDeleteOnly: () =>
    conflict(
      'IKUBOSS_DELETE_SIGNED',
      '署名が始まった宣言は削除できません。署名済みの宣言は取り消してください。',
      'A declaration with a signature cannot be deleted; revoke it instead.',
    ),
  actionsRequired: () =>
    Errors.validation([
      {
        ja: '署名する前に、自分のアクション宣言を1〜2件入力してください。',
        en: 'Write one or two personal actions before signing.',
      },
    ]),
  confirmRequired: () =>
    Errors.validation([
      {
        ja: '宣言文を確認し、署名することに同意してください。',
        en: 'Confirm that you have read the text and sign it.',
      },
    ]),
  invalid: (ja: string, en: string) => Errors.validation([{ ja, en }]),
};
