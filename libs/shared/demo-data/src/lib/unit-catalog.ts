/** Names for みどり市's organization chart, modelled on ordinance-designated cities' 局/部 → 課 → 係. */

export interface SectionTemplate {
  name: string;
  nameEn: string;
  /** 係 names; the generic list fills in when a 課 needs more. */
  subsections?: readonly string[];
}

export interface DepartmentTemplate {
  name: string;
  nameEn: string;
  sections: readonly SectionTemplate[];
}

export interface EmployerTemplate {
  key: 'mayor' | 'education' | 'assembly' | 'waterworks';
  name: string;
  nameEn: string;
  /** Share of all staff; the four add up to 1. */
  staffShare: number;
  /** Whether the employer unit has a 部長級 head of its own (議会事務局長, 上下水道局長). */
  hasHead: boolean;
  /** null: 課 sit directly under the employer unit (議会事務局). */
  departments: readonly DepartmentTemplate[] | null;
  /** Template of the extra 部/局 a large city needs once the named ones are used up. */
  overflow: {
    suffix: string;
    suffixEn: string;
    sections: readonly SectionTemplate[];
  };
}

const s = (
  name: string,
  nameEn: string,
  subsections?: readonly string[],
): SectionTemplate => ({
  name,
  nameEn,
  subsections,
});

const WARD_OFFICE_SECTIONS = [
  s('総務課', 'General Affairs Division', ['庶務係', '地域安全係']),
  s('市民課', 'Citizen Services Division', ['住民記録係', '戸籍係', '証明係']),
  s('保険年金課', 'Health Insurance and Pension Division', [
    '資格係',
    '給付係',
    '年金係',
  ]),
  s('福祉課', 'Welfare Division', ['高齢者支援係', '障害者支援係']),
  s('保護課', 'Public Assistance Division', ['保護第一係', '保護第二係']),
  s('こども家庭課', 'Children and Families Division', [
    '子育て支援係',
    '母子保健係',
  ]),
  s('地域振興課', 'Community Development Division', [
    '地域活動係',
    'まちづくり係',
  ]),
  s('税務課', 'Ward Taxation Division', ['市民税係', '納税係']),
];

export const EMPLOYER_TEMPLATES: readonly EmployerTemplate[] = [
  {
    key: 'mayor',
    name: '市長部局',
    nameEn: "Mayor's Office",
    staffShare: 0.73,
    hasHead: false,
    departments: [
      {
        name: '総務局',
        nameEn: 'General Affairs Bureau',
        sections: [
          s('人事課', 'Personnel Division', [
            '人事係',
            '給与係',
            '研修係',
            '厚生係',
          ]),
          s('総務課', 'General Affairs Division', [
            '庶務係',
            '文書係',
            '法制係',
          ]),
          s('情報政策課', 'Information Policy Division', [
            '情報企画係',
            'システム管理係',
          ]),
          s('契約課', 'Contracts Division', ['工事契約係', '物品契約係']),
          s('危機管理課', 'Crisis Management Division', [
            '防災企画係',
            '危機対策係',
          ]),
          s('管財課', 'Property Management Division', [
            '財産管理係',
            '庁舎管理係',
          ]),
        ],
      },
      {
        name: '健康福祉局',
        nameEn: 'Health and Welfare Bureau',
        sections: [
          s('福祉総務課', 'Welfare General Affairs Division', [
            '庶務係',
            '地域福祉係',
          ]),
          s('障害福祉課', 'Disability Welfare Division', [
            '障害支援係',
            '自立支援係',
          ]),
          s('高齢福祉課', 'Elderly Welfare Division', [
            '高齢者支援係',
            '地域包括ケア係',
          ]),
          s('介護保険課', 'Long-Term Care Insurance Division', [
            '資格係',
            '給付係',
            '認定係',
          ]),
          s('保険年金課', 'Health Insurance and Pension Division', [
            '国保資格係',
            '国保給付係',
            '年金係',
          ]),
          s('健康増進課', 'Health Promotion Division', [
            '健康づくり係',
            '予防接種係',
            '検診係',
          ]),
        ],
      },
      {
        name: 'こども未来局',
        nameEn: 'Children and Future Bureau',
        sections: [
          s('子育て支援課', 'Childcare Support Division', [
            '子育て支援係',
            '児童手当係',
            'ひとり親支援係',
          ]),
          s('保育課', 'Nursery Services Division', [
            '保育企画係',
            '入所係',
            '保育所運営係',
          ]),
          s('こども家庭課', 'Children and Families Division', [
            '家庭相談係',
            '母子保健係',
          ]),
          s('青少年課', 'Youth Division', ['青少年育成係', '放課後児童係']),
        ],
      },
      {
        name: '財政局',
        nameEn: 'Finance Bureau',
        sections: [
          s('財政課', 'Budget Division', ['財政係', '財務分析係']),
          s('市民税課', 'Municipal Tax Division', [
            '個人市民税係',
            '法人市民税係',
          ]),
          s('資産税課', 'Property Tax Division', [
            '土地係',
            '家屋係',
            '償却資産係',
          ]),
          s('納税課', 'Tax Collection Division', [
            '納税管理係',
            '徴収第一係',
            '徴収第二係',
          ]),
        ],
      },
      {
        name: '市民局',
        nameEn: 'Citizens Bureau',
        sections: [
          s('市民課', 'Citizen Services Division', ['住民記録係', '戸籍係']),
          s('地域振興課', 'Community Development Division', [
            '地域活動係',
            '自治会支援係',
          ]),
          s('男女共同参画課', 'Gender Equality Division', [
            '男女共同参画係',
            'ワーク・ライフ・バランス推進係',
          ]),
          s('文化振興課', 'Culture Promotion Division', [
            '文化事業係',
            '文化施設係',
          ]),
          s('スポーツ振興課', 'Sports Promotion Division', [
            'スポーツ推進係',
            '施設係',
          ]),
        ],
      },
      {
        name: '政策企画局',
        nameEn: 'Policy Planning Bureau',
        sections: [
          s('企画課', 'Planning Division', ['企画係', '統計係']),
          s('広報課', 'Public Relations Division', ['広報係', '広聴係']),
          s('秘書課', "Mayor's Secretariat Division", ['秘書係', '儀典係']),
          s('交通政策課', 'Transport Policy Division', [
            '交通企画係',
            '公共交通係',
          ]),
        ],
      },
      {
        name: '環境局',
        nameEn: 'Environment Bureau',
        sections: [
          s('環境政策課', 'Environmental Policy Division', [
            '環境企画係',
            '脱炭素推進係',
          ]),
          s('環境保全課', 'Environmental Protection Division', [
            '大気水質係',
            '自然保護係',
          ]),
          s('ごみ減量推進課', 'Waste Reduction Division', [
            '減量推進係',
            '資源化係',
          ]),
          s('清掃事業課', 'Sanitation Operations Division', [
            '収集第一係',
            '収集第二係',
            '施設係',
          ]),
        ],
      },
      {
        name: '経済観光局',
        nameEn: 'Economy and Tourism Bureau',
        sections: [
          s('産業政策課', 'Industrial Policy Division', [
            '産業企画係',
            '企業誘致係',
          ]),
          s('商工振興課', 'Commerce and Industry Division', [
            '商業振興係',
            '中小企業支援係',
          ]),
          s('観光課', 'Tourism Division', ['観光振興係', 'MICE推進係']),
          s('農林課', 'Agriculture and Forestry Division', [
            '農政係',
            '林務係',
          ]),
        ],
      },
      {
        name: '都市整備局',
        nameEn: 'Urban Development Bureau',
        sections: [
          s('都市計画課', 'City Planning Division', [
            '都市計画係',
            '土地利用係',
          ]),
          s('建築指導課', 'Building Guidance Division', ['審査係', '監察係']),
          s('住宅課', 'Housing Division', ['住宅政策係', '市営住宅係']),
          s('公園緑地課', 'Parks and Green Spaces Division', [
            '公園管理係',
            '緑化推進係',
          ]),
        ],
      },
      {
        name: '建設局',
        nameEn: 'Construction Bureau',
        sections: [
          s('道路管理課', 'Road Management Division', ['道路管理係', '占用係']),
          s('道路建設課', 'Road Construction Division', ['設計係', '工事係']),
          s('河川課', 'Rivers Division', ['河川管理係', '河川整備係']),
          s('用地課', 'Land Acquisition Division', [
            '用地第一係',
            '用地第二係',
          ]),
        ],
      },
      {
        name: '消防局',
        nameEn: 'Fire Bureau',
        sections: [
          s('消防総務課', 'Fire General Affairs Division', [
            '庶務係',
            '人事教養係',
          ]),
          s('予防課', 'Fire Prevention Division', ['予防係', '査察係']),
          s('警防課', 'Firefighting Division', ['警防係', '救助係']),
          s('救急課', 'Emergency Medical Services Division', [
            '救急企画係',
            '救急指導係',
          ]),
        ],
      },
      {
        name: '会計室',
        nameEn: 'Accounting Office',
        sections: [s('会計課', 'Accounting Division', ['審査係', '出納係'])],
      },
    ],
    overflow: {
      suffix: '区役所',
      suffixEn: 'Ward Office',
      sections: WARD_OFFICE_SECTIONS,
    },
  },
  {
    key: 'education',
    name: '教育委員会',
    nameEn: 'Board of Education',
    staffShare: 0.17,
    hasHead: false,
    departments: [
      {
        name: '教育総務部',
        nameEn: 'Education General Affairs Department',
        sections: [
          s('教育総務課', 'Education General Affairs Division', [
            '庶務係',
            '企画係',
          ]),
          s('教職員課', 'School Personnel Division', ['人事係', '給与係']),
          s('学校施設課', 'School Facilities Division', [
            '施設計画係',
            '営繕係',
          ]),
        ],
      },
      {
        name: '学校教育部',
        nameEn: 'School Education Department',
        sections: [
          s('学校教育課', 'School Education Division', [
            '学事係',
            '就学支援係',
          ]),
          s('指導課', 'Curriculum Guidance Division', ['指導係', '教育相談係']),
          s('特別支援教育課', 'Special Needs Education Division', [
            '特別支援係',
            '通級指導係',
          ]),
          s('保健給食課', 'School Health and Meals Division', [
            '学校保健係',
            '給食係',
          ]),
        ],
      },
      {
        name: '生涯学習部',
        nameEn: 'Lifelong Learning Department',
        sections: [
          s('生涯学習課', 'Lifelong Learning Division', [
            '社会教育係',
            '公民館係',
          ]),
          s('文化財課', 'Cultural Properties Division', [
            '文化財保護係',
            '埋蔵文化財係',
          ]),
          s('中央図書館', 'Central Library', ['奉仕係', '資料係']),
        ],
      },
    ],
    overflow: {
      suffix: '地区教育事務所',
      suffixEn: 'District Education Office',
      sections: [
        s('学校支援課', 'School Support Division', [
          '学校事務係',
          '学校用務係',
        ]),
        s('地域教育課', 'Community Education Division', [
          '地域連携係',
          '青少年教育係',
        ]),
      ],
    },
  },
  {
    key: 'assembly',
    name: '議会事務局',
    nameEn: 'Secretariat of the City Assembly',
    staffShare: 0.01,
    hasHead: true,
    departments: null,
    overflow: {
      suffix: '議会事務局',
      suffixEn: 'Assembly Secretariat',
      sections: [
        s('総務課', 'General Affairs Division', ['庶務係', '秘書係']),
        s('議事課', 'Proceedings Division', ['議事係', '委員会係']),
        s('調査課', 'Research Division', ['調査係', '広報係']),
      ],
    },
  },
  {
    key: 'waterworks',
    name: '上下水道局',
    nameEn: 'Waterworks and Sewerage Bureau',
    staffShare: 0.09,
    hasHead: true,
    departments: [
      {
        name: '経営管理部',
        nameEn: 'Management Department',
        sections: [
          s('総務課', 'General Affairs Division', ['庶務係', '人事係']),
          s('経営企画課', 'Business Planning Division', [
            '経営企画係',
            '財務係',
          ]),
          s('料金課', 'Water Charges Division', ['料金係', '収納係']),
        ],
      },
      {
        name: '水道部',
        nameEn: 'Water Supply Department',
        sections: [
          s('浄水課', 'Water Purification Division', [
            '浄水管理係',
            '水質検査係',
          ]),
          s('配水課', 'Water Distribution Division', ['配水管理係', '管路係']),
          s('給水課', 'Water Service Division', ['給水装置係', '漏水対策係']),
        ],
      },
      {
        name: '下水道部',
        nameEn: 'Sewerage Department',
        sections: [
          s('下水道計画課', 'Sewerage Planning Division', [
            '計画係',
            '普及促進係',
          ]),
          s('下水道建設課', 'Sewerage Construction Division', [
            '設計係',
            '工事係',
          ]),
          s('水再生課', 'Water Reclamation Division', ['処理係', '施設保全係']),
        ],
      },
    ],
    overflow: {
      suffix: '水道事務所',
      suffixEn: 'Waterworks Office',
      sections: [
        s('管路維持課', 'Pipeline Maintenance Division', ['維持係', '修繕係']),
        s('お客さまサービス課', 'Customer Service Division', [
          '受付係',
          '検針係',
        ]),
      ],
    },
  },
];

/** The assembly secretariat's 課 when 課 hang directly under the employer unit. */
export const ASSEMBLY_SECTIONS = EMPLOYER_TEMPLATES[2].overflow.sections;

export const GENERIC_SUBSECTIONS: readonly string[] = [
  '庶務係',
  '企画係',
  '管理係',
  '調整係',
  '業務係',
  '指導係',
  '審査係',
  '推進係',
];

/** Names of the fictional wards used when a large city needs more ward offices than it has wards. */
export const WARD_NAMES: readonly (readonly [string, string])[] = [
  ['中央', 'Chuo'],
  ['北', 'Kita'],
  ['南', 'Minami'],
  ['東', 'Higashi'],
  ['西', 'Nishi'],
  ['緑', 'Midori'],
  ['青葉', 'Aoba'],
  ['若葉', 'Wakaba'],
  ['桜', 'Sakura'],
  ['港', 'Minato'],
  ['泉', 'Izumi'],
  ['旭', 'Asahi'],
  ['栄', 'Sakae'],
  ['春日', 'Kasuga'],
  ['松原', 'Matsubara'],
  ['山手', 'Yamate'],
  ['川辺', 'Kawabe'],
  ['若松', 'Wakamatsu'],
  ['高台', 'Takadai'],
  ['花園', 'Hanazono'],
];

const SUBSECTION_EN: Readonly<Record<string, string>> = {
  庶務係: 'General Affairs Section',
  企画係: 'Planning Section',
  管理係: 'Management Section',
  調整係: 'Coordination Section',
  業務係: 'Operations Section',
  指導係: 'Guidance Section',
  審査係: 'Review Section',
  推進係: 'Promotion Section',
  人事係: 'Personnel Section',
  給与係: 'Payroll Section',
  研修係: 'Training Section',
  厚生係: 'Staff Welfare Section',
};

/** English 係 names are formulaic in city charts: known ones are listed, the rest follow their 課. */
export function subsectionNameEn(
  name: string,
  sectionNameEn: string,
  index: number,
): string {
  return (
    SUBSECTION_EN[name] ??
    `${sectionNameEn.replace(/ (Division|Library)$/, '')} Section ${index + 1}`
  );
}

const KANJI_ORDINALS = [
  '',
  '第一',
  '第二',
  '第三',
  '第四',
  '第五',
  '第六',
  '第七',
  '第八',
  '第九',
  '第十',
];

/** 人事課 → 人事第二課 for the second copy of a 課 in the same 局 (and 庶務係 → 庶務第二係). */
export function numberedName(name: string, copy: number): string {
  if (copy <= 1) {
    return name;
  }
  const ordinal = KANJI_ORDINALS[copy] ?? `第${copy}`;
  const match = /^(.*?)(課|係|館)$/.exec(name);
  return match ? `${match[1]}${ordinal}${match[2]}` : `${name}${ordinal}`;
}

export function numberedNameEn(nameEn: string, copy: number): string {
  return copy <= 1 ? nameEn : `${nameEn} ${copy}`;
}
