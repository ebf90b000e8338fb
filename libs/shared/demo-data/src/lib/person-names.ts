/** Common family names and era-typical given names, so the roster reads like a real 職員名簿. */
export const FAMILY_NAMES: readonly string[] = [
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤',
  '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水',
  '山崎', '森', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川',
  '前田', '岡田', '長谷川', '藤田', '後藤', '近藤', '村上', '遠藤', '青木', '坂本',
  '斉藤', '福田', '太田', '西村', '藤井', '金子', '岡本', '藤原', '中野', '三浦',
  '原田', '松田', '竹内', '中川', '小野', '田村', '中山', '和田', '石田', '森田',
  '上田', '原', '柴田', '酒井', '工藤', '横山', '宮崎', '宮本', '内田', '高木',
  '安藤', '島田', '谷口', '大野', '高田', '丸山', '今井', '河野', '藤本', '村田',
  '武田', '上野', '杉山', '増田', '平野', '大塚', '千葉', '久保', '松井', '小島',
  '岩崎', '桜井', '野口', '松尾', '野村', '木下', '菊地', '佐野', '大西', '杉本',
];

const FEMALE_BEFORE_1980: readonly string[] = [
  '恵子', '洋子', '裕子', '幸子', '久美子', '由美子', '真由美', '直美', '明美', '京子',
  '智子', '順子', '和子', '典子', '陽子', '美穂', '香織', '純子', '由紀', '理恵',
];
const FEMALE_FROM_1980: readonly string[] = [
  '愛', '彩', '美咲', '舞', '麻衣', '優子', '陽菜', '結衣', '葵', '美月',
  '沙織', '千尋', '真央', '莉子', '彩花', '菜々子', '七海', '遥香', '奈央', '友美',
];
const MALE_BEFORE_1980: readonly string[] = [
  '浩', '誠', '隆', '健一', '博', '茂', '修', '清', '和彦', '正樹',
  '哲也', '浩二', '秀樹', '学', '聡', '剛', '雅之', '信也', '英樹', '孝',
];
const MALE_FROM_1980: readonly string[] = [
  '翔太', '大輝', '拓海', '蓮', '悠斗', '颯太', '陸', '大樹', '健太', '亮',
  '直人', '翔', '達也', '雄大', '拓也', '海斗', '駿', '智也', '和也', '悠真',
];
const NEUTRAL: readonly string[] = ['薫', '翼', '渚', '遥', '光', '真琴', '晶', '忍', '優', '歩'];

export type NameGender = 'female' | 'male' | 'unspecified';

/** Full-width space between family and given name, as Japanese HR spreadsheets write it. */
export function personName(gender: NameGender, birthYear: number, familyDraw: number, givenDraw: number): string {
  const givenNames =
    gender === 'unspecified'
      ? NEUTRAL
      : gender === 'female'
        ? birthYear < 1980
          ? FEMALE_BEFORE_1980
          : FEMALE_FROM_1980
        : birthYear < 1980
          ? MALE_BEFORE_1980
          : MALE_FROM_1980;
  const family = FAMILY_NAMES[Math.floor(familyDraw * FAMILY_NAMES.length)];
  const given = givenNames[Math.floor(givenDraw * givenNames.length)];
  return `${family}\u3000${given}`;
}
