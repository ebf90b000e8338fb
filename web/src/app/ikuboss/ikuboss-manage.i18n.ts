/** HR actions on the campaign page: start declarations (individual or joint), edit and delete. */
export const ikubossManageJa = {
  'ikubossManage.start.title': '宣言を開始する(人事)',
  'ikubossManage.start.lead':
    '管理職の代わりに宣言の下書きを作成します。職員番号を1人入力すると個人の宣言、複数(スペースまたは読点区切り、署名順)入力すると共同宣言(例: 市長・副市長・教育長)になります。各宣言者は「私の宣言」から自分のアクションを書いて署名します。',
  'ikubossManage.start.numbers': '宣言者の職員番号',
  'ikubossManage.start.submit': '下書きを作成',
  'ikubossManage.start.one': '開始',
  'ikubossManage.start.done':
    '{names} の{kind}の下書きを作成しました。宣言者が「私の宣言」から署名します。',
  'ikubossManage.kind.individual': '個人宣言',
  'ikubossManage.kind.joint': '共同宣言',
  'ikubossManage.edit.title': 'キャンペーンを編集',
  'ikubossManage.edit.open': '編集',
  'ikubossManage.edit.save': '保存',
  'ikubossManage.edit.cancel': 'キャンペーンの編集をやめる',
  'ikubossManage.edit.lead':
    '宣言はそれぞれ自分の文面を保持しているため、編集で変わるのは対象者の範囲と期限です。宣言がある場合、年度は変更できません。',
  'ikubossManage.edit.saved': 'キャンペーンを保存しました。',
  'ikubossManage.delete': 'キャンペーンを削除',
  'ikubossManage.deleteConfirm':
    'キャンペーン「{name}」を削除しますか? 宣言(下書きを含む)があるキャンペーンは削除できません。',
  'ikubossManage.name': '名称',
  'ikubossManage.fiscalYear': '年度',
  'ikubossManage.stages': '対象の役職段階',
  'ikubossManage.template': 'ひな形',
  'ikubossManage.deadline': '期限',
  'ikubossManage.actions': '操作',
  'ikubossManage.nudges.viewing': '{unit} の配下',
  'ikubossManage.nudges.up': '全体に戻る',
  'ikubossManage.firms.edit': '編集',
  'ikubossManage.firms.editTitle': '事業所を編集',
  'ikubossManage.firms.save': '保存',
  'ikubossManage.firms.cancel': '編集をやめる',
  'ikubossManage.firms.delete': '削除',
  'ikubossManage.firms.deleteConfirm':
    '事業所「{name}」を、宣言とセミナー受講の記録とともに削除しますか?',
} as const;

export const ikubossManageEn: Record<keyof typeof ikubossManageJa, string> = {
  'ikubossManage.start.title': 'Start a declaration (HR)',
  'ikubossManage.start.lead':
    'Create the draft of a declaration for managers. One employee number makes an individual declaration; several (separated by spaces or commas, in signing order) make a joint declaration (e.g. mayor, deputy mayor, superintendent). Each declarer writes their actions and signs from "My declaration".',
  'ikubossManage.start.numbers': 'Employee numbers of the declarers',
  'ikubossManage.start.submit': 'Create the draft',
  'ikubossManage.start.one': 'Start',
  'ikubossManage.start.done':
    'Created the draft {kind} of {names}. The declarers sign it from "My declaration".',
  'ikubossManage.kind.individual': 'individual declaration',
  'ikubossManage.kind.joint': 'joint declaration',
  'ikubossManage.edit.title': 'Edit the campaign',
  'ikubossManage.edit.open': 'Edit',
  'ikubossManage.edit.save': 'Save',
  'ikubossManage.edit.cancel': 'Stop editing the campaign',
  'ikubossManage.edit.lead':
    'Each declaration keeps its own text, so editing changes only who is required and the deadline. The fiscal year cannot change once there are declarations.',
  'ikubossManage.edit.saved': 'The campaign was saved.',
  'ikubossManage.delete': 'Delete the campaign',
  'ikubossManage.deleteConfirm':
    'Delete the campaign "{name}"? A campaign with declarations (drafts included) cannot be deleted.',
  'ikubossManage.name': 'Name',
  'ikubossManage.fiscalYear': 'Fiscal year',
  'ikubossManage.stages': 'Required position stages',
  'ikubossManage.template': 'Template',
  'ikubossManage.deadline': 'Deadline',
  'ikubossManage.actions': 'Actions',
  'ikubossManage.nudges.viewing': 'Under {unit}',
  'ikubossManage.nudges.up': 'Back to the whole organization',
  'ikubossManage.firms.edit': 'Edit',
  'ikubossManage.firms.editTitle': 'Edit the firm',
  'ikubossManage.firms.save': 'Save',
  'ikubossManage.firms.cancel': 'Stop editing',
  'ikubossManage.firms.delete': 'Delete',
  'ikubossManage.firms.deleteConfirm':
    'Delete the firm "{name}" with its declarations and seminar records?',
};
