import type { Review360QuestionnaireInputDto } from '@ikuboard/shared/contracts';

/**
 * The default Ikuboss item bank: 北九州市's イクボス10か条 turned into behaviour statements rated by
 * subordinates, 長崎県's self-check items, and general upward-feedback items
 * (reference/domain-research.md §4.1). Each cycle starts from a copy that HR may edit in draft.
 */
export const DEFAULT_REVIEW360_QUESTIONNAIRE: Review360QuestionnaireInputDto = {
  categories: [
    {
      code: 'life',
      name: { ja: 'ライフへの理解', en: 'Respect for life outside work' },
    },
    {
      code: 'work',
      name: { ja: '働き方と評価', en: 'Ways of working and fair evaluation' },
    },
    {
      code: 'support',
      name: { ja: '両立支援', en: 'Support for work–life balance' },
    },
    {
      code: 'organization',
      name: { ja: '組織への働きかけ', en: 'Changing the organization' },
    },
    { code: 'leadership', name: { ja: 'リーダーシップ', en: 'Leadership' } },
    { code: 'comments', name: { ja: '自由記述', en: 'Comments' } },
  ],
  items: [
    {
      categoryCode: 'life',
      kind: 'rating',
      text: {
        ja: '私の上司は、部下が子育て・介護・地域活動などに時間を割くことに理解を示している。',
        en: 'My boss shows understanding when staff spend time on childcare, family care or community activities.',
      },
      source: '北九州市イクボス10か条 1',
    },
    {
      categoryCode: 'life',
      kind: 'rating',
      text: {
        ja: '私の上司は、異動や業務分担の際に部下のライフ(家庭の事情など)に配慮している。',
        en: "My boss takes staff's life circumstances into account when assigning work.",
      },
      source: '北九州市イクボス10か条 5',
    },
    {
      categoryCode: 'work',
      kind: 'rating',
      text: {
        ja: '私の上司は、時間内に上げた成果を正当に評価している。',
        en: 'My boss values results achieved within working hours.',
      },
      source: '北九州市イクボス10か条 2',
    },
    {
      categoryCode: 'work',
      kind: 'rating',
      text: {
        ja: '私の上司は、会議の短縮や書類の削減など業務改善を進めている。',
        en: 'My boss shortens meetings, cuts paperwork and improves the way work is done.',
      },
      source: '北九州市イクボス10か条 7',
    },
    {
      categoryCode: 'work',
      kind: 'rating',
      text: {
        ja: '私の上司は、自ら定時退庁に努め、部下にも勧めている。',
        en: 'My boss tries to leave on time and encourages staff to do the same.',
      },
      source: '長崎県イクボスセルフチェック',
    },
    {
      categoryCode: 'support',
      kind: 'rating',
      text: {
        ja: '私の上司は、育児休業などの両立支援制度を理解し、取得を促している。',
        en: 'My boss knows the childcare-leave and other support schemes and encourages staff to use them.',
      },
      source: '北九州市イクボス10か条 3',
    },
    {
      categoryCode: 'support',
      kind: 'rating',
      text: {
        ja: '私の上司は、休む人がいても業務が滞らないよう、情報共有とチームワークを作っている。',
        en: 'My boss builds information sharing and teamwork so that work goes on when someone is away.',
      },
      source: '北九州市イクボス10か条 6',
    },
    {
      categoryCode: 'organization',
      kind: 'rating',
      text: {
        ja: '私の上司は、組織全体にワーク・ライフ・バランスを重視する考え方を広めている。',
        en: 'My boss spreads respect for work–life balance across the organization.',
      },
      source: '北九州市イクボス10か条 4',
    },
    {
      categoryCode: 'organization',
      kind: 'rating',
      text: {
        ja: '私の上司は、自分の上司や人事にもライフを重視する働きかけをしている。',
        en: 'My boss also urges their own superiors and HR to respect life outside work.',
      },
      source: '北九州市イクボス10か条 8',
    },
    {
      categoryCode: 'leadership',
      kind: 'rating',
      text: {
        ja: '私の上司は、チームの目標を明確に示している。',
        en: "My boss sets out the team's goals clearly.",
      },
      source: null,
    },
    {
      categoryCode: 'leadership',
      kind: 'rating',
      text: {
        ja: '私の上司は、私のキャリアについて有意義な話し合いの機会を設けている。',
        en: 'My boss makes time for meaningful conversations about my career.',
      },
      source: null,
    },
    {
      categoryCode: 'comments',
      kind: 'text',
      text: {
        ja: '上司に続けてほしいことは何ですか。',
        en: 'What should your boss keep doing?',
      },
      source: null,
    },
    {
      categoryCode: 'comments',
      kind: 'text',
      text: {
        ja: '上司に改善してほしいことは何ですか。',
        en: 'What should your boss do differently?',
      },
      source: null,
    },
  ],
};
