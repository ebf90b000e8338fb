// `npm run bench -- --merge`: a run measures some scenarios and tiers, the results file keeps the
// others from earlier runs, so tiers can be measured at different times and one report written.
// Pure functions (bench/lib/merge.test.mjs).

/** A scenario result is identified by its name and tier (tier-less scenarios: by name). */
export function scenarioKey(s) {
  return `${s.name}\u0000${s.tier ?? ''}`;
}

/** The scenario with `measuredAt` set (kept when it has one already). */
export function stamp(scenario, at) {
  return scenario.measuredAt ? scenario : { ...scenario, measuredAt: at };
}

/**
 * `current` (this run) over `previous` (the results file): a scenario of the same name and tier is
 * replaced in place, the previous run's other scenarios are kept (stamped with their run's start
 * when they carry no time of their own), new ones are appended. Tiers measured now replace their
 * earlier manifests; the others are kept. `runs` lists every run that contributed.
 */
export function mergeResults(previous, current) {
  if (!previous || !Array.isArray(previous.scenarios)) return current;
  const now = current.finishedAt ?? current.startedAt;
  const currentScenarios = current.scenarios.map((s) => stamp(s, now));
  const fresh = new Map(currentScenarios.map((s) => [scenarioKey(s), s]));
  const emitted = new Set();
  const scenarios = [];
  for (const old of previous.scenarios) {
    const key = scenarioKey(old);
    if (emitted.has(key)) continue;
    if (fresh.has(key)) scenarios.push(fresh.get(key));
    else scenarios.push(stamp(old, previous.startedAt));
    emitted.add(key);
  }
  for (const s of currentScenarios)
    if (!emitted.has(scenarioKey(s))) {
      scenarios.push(s);
      emitted.add(scenarioKey(s));
    }
  const runOf = (r) => ({
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    loadAverage: r.machine?.loadAverage ?? null,
    tiers: Object.keys(r.tiers ?? {}),
    scenarios: (r.scenarios ?? []).map((s) =>
      s.tier ? `${s.name} (${s.tier})` : s.name,
    ),
  });
  const earlierRuns = previous.runs ?? [runOf(previous)];
  const runs = [
    ...earlierRuns,
    runOf({ ...current, scenarios: currentScenarios }),
  ].filter((r) =>
    // a run whose every scenario has been replaced no longer contributes
    scenarios.some(
      (s) =>
        s.measuredAt >= r.startedAt &&
        s.measuredAt <= (r.finishedAt ?? s.measuredAt),
    ),
  );
  const times = runs
    .flatMap((r) => [r.startedAt, r.finishedAt])
    .filter(Boolean)
    .sort();
  return {
    ...current,
    startedAt: times[0] ?? current.startedAt,
    finishedAt: times[times.length - 1] ?? current.finishedAt,
    machine: {
      ...current.machine,
      postgres: current.machine?.postgres ?? previous.machine?.postgres,
    },
    tiers: { ...previous.tiers, ...current.tiers },
    scenarios,
    runs,
  };
}
