/** Messages of the overview's trend chart, which shows one of the overview's headline KPIs. */
export const overviewTrendJa = {
  'overviewTrend.title': '{name}の推移',
  'overviewTrend.choose': '推移を表示する指標',
} as const;

export const overviewTrendEn: Record<keyof typeof overviewTrendJa, string> = {
  'overviewTrend.title': '{name} over the fiscal years',
  'overviewTrend.choose': 'KPI shown',
};
