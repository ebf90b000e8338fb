// How a scenario's cost grows with the tier's size, computed from bench/results.json (pure; tested
// in bench/lib/scaling.test.mjs). Used by bench/report.mjs.

export const TIER_ORDER = ['S', 'L', 'XL'];

/** The scenarios measured on several tiers and the figure compared (the median, in ms). */
export const SCALED = [
  { name: 'dashboard', label: 'Dashboard', median: (s) => s.http?.median },
  { name: 'subtree', label: 'Subtree', median: (s) => s.http?.median },
  {
    name: 'import-leave-1000',
    label: 'Import of 1,000 leave rows',
    median: (s) => s.http?.median,
  },
  {
    name: 'committee-workbook',
    label: 'Committee workbook',
    median: (s) => (s.seconds == null ? null : s.seconds * 1000),
  },
  { name: 'web-first-chart', label: 'First chart', median: (s) => s.median },
];

const fmt = (x, digits = 1) =>
  x.toLocaleString('en', {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  });
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Per scenario, for each pair of consecutive tiers measured (S → L, L → XL): the time ratio, the
 * employee ratio and the cost per employee of the larger tier relative to the smaller one.
 */
export function growth(results) {
  const out = [];
  for (const def of SCALED) {
    const points = TIER_ORDER.map((tier) => {
      const s = results.scenarios.find(
        (x) => x.name === def.name && x.tier === tier,
      );
      const employees = results.tiers?.[tier]?.rows?.employee;
      const median = s ? def.median(s) : null;
      return s && employees && median
        ? { tier, employees, median, loadAverage: s.loadAverage ?? null }
        : null;
    }).filter(Boolean);
    if (points.length < 2) continue;
    const steps = [];
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      const timeRatio = b.median / a.median;
      const sizeRatio = b.employees / a.employees;
      steps.push({
        from: a.tier,
        to: b.tier,
        fromMs: a.median,
        toMs: b.median,
        timeRatio: round(timeRatio),
        sizeRatio: round(sizeRatio, 1),
        perEmployee: round(timeRatio / sizeRatio, 3),
        // the exponent k of time ∝ size^k between the two tiers (1 = linear, 0 = flat)
        exponent:
          sizeRatio === 1
            ? null
            : round(Math.log(timeRatio) / Math.log(sizeRatio)),
      });
    }
    out.push({ name: def.name, label: def.label, points, steps });
  }
  return out;
}

/** One sentence per scenario, e.g. for docs/performance.md. */
export function growthSentences(results) {
  return growth(results).map(({ label, steps }) => {
    const parts = steps.map(
      (s) =>
        `${s.from} → ${s.to}: ${fmt(s.fromMs)} → ${fmt(s.toMs)} ms median, ${fmt(s.timeRatio, 2)}× the time for ` +
        `${fmt(s.sizeRatio)}× the employees, so the cost per employee is ${fmt(s.perEmployee, 3)}× ${s.from}'s ` +
        `(time ∝ size^${s.exponent === null ? '–' : fmt(s.exponent, 2)})`,
    );
    return `- **${label}**: ${parts.join('; ')}.`;
  });
}
