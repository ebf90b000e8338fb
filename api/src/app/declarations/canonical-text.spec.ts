import { createHash } from 'node:crypto';

import { canonicalDeclarationText, sha256Hex } from './canonical-text';

describe('canonicalDeclarationText', () => {
  const declaration = {
    title: 'みどり市イクボス宣言',
    fiscalYear: 2025,
    preamble: '私は宣言します。',
    pledges: ['一つ目', '二つ目'],
    declarers: [
      {
        name: '山田 花子',
        title: '課長級',
        unit: '人事課',
        actions: ['行動A', '行動B'],
      },
      {
        name: '佐藤 一郎',
        title: '部長級',
        unit: '総務部',
        actions: ['行動C'],
      },
    ],
    witness: '立会 人',
    date: '2025-05-01',
  };

  it('puts one item per line in the documented order, without a trailing newline', () => {
    expect(canonicalDeclarationText(declaration)).toBe(
      [
        'みどり市イクボス宣言',
        '年度: 2025',
        '',
        '私は宣言します。',
        '',
        '1. 一つ目',
        '2. 二つ目',
        '',
        '宣言者: 山田 花子(課長級・人事課)',
        '  アクション1: 行動A',
        '  アクション2: 行動B',
        '宣言者: 佐藤 一郎(部長級・総務部)',
        '  アクション1: 行動C',
        '立会人: 立会 人',
        '宣言日: 2025-05-01',
      ].join('\n'),
    );
  });

  it('leaves out the witness line when there is none, and any change changes the hash', () => {
    const text = canonicalDeclarationText({ ...declaration, witness: null });
    expect(text).not.toContain('立会人');
    const altered = canonicalDeclarationText({
      ...declaration,
      witness: null,
      pledges: ['一つ目', '二つ目 '],
    });
    expect(sha256Hex(text)).toBe(
      createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'),
    );
    expect(sha256Hex(altered)).not.toBe(sha256Hex(text));
  });
});
