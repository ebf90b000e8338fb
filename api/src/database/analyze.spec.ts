import { analyzeGrownTables } from './analyze';
import type { Queryable } from './queryable';

/** A database whose pg_class knows `tuples` per table; records the statements run. */
function fakeDb(tuples: Record<string, number>): {
  db: Queryable;
  statements: string[];
} {
  const statements: string[] = [];
  const db: Queryable = {
    query: async (sql: string, parameters?: unknown[]) => {
      statements.push(sql.replace(/\s+/g, ' ').trim());
      if (/FROM pg_class/.test(sql))
        return ((parameters ?? [])[0] as string[]).map((table) => ({
          table,
          tuples: tuples[table],
        }));
      return [];
    },
  };
  return { db, statements };
}

const analyzed = (statements: string[]) =>
  statements.filter((sql) => sql.startsWith('ANALYZE'));

describe('analyzeGrownTables', () => {
  it('analyzes a table that grows by a tenth or more, or was never analyzed, with one count for all', async () => {
    const { db, statements } = fakeDb({
      leave_episode: 9_000,
      child: 20_000,
      annual_pay: -1,
    });
    await analyzeGrownTables(
      db,
      ['leave_episode', 'child', 'annual_pay'],
      1_000,
    );
    // 1,000 ≥ 900 (a tenth of 9,000); 1,000 < 2,000; never analyzed
    expect(analyzed(statements)).toEqual(['ANALYZE leave_episode, annual_pay']);
  });

  it('counts the rows added to each table separately when given a function', async () => {
    const { db, statements } = fakeDb({ leave_episode: 5_000, child: 600 });
    // a leave file of 1,000 rows naming no new child: the small child table is left alone
    await analyzeGrownTables(db, ['leave_episode', 'child'], (table) =>
      table === 'child' ? 0 : 1_000,
    );
    expect(analyzed(statements)).toEqual(['ANALYZE leave_episode']);
  });

  it('analyzes the child table when a leave file adds a tenth of its rows as new children', async () => {
    const { db, statements } = fakeDb({
      leave_episode: 5_000_000,
      child: 600,
    });
    await analyzeGrownTables(db, ['leave_episode', 'child'], (table) =>
      table === 'child' ? 60 : 1_000,
    );
    // 60 ≥ 60 (a tenth of 600); 1,000 < 500,000
    expect(analyzed(statements)).toEqual(['ANALYZE child']);
  });

  it('runs no ANALYZE when nothing grew, and leaves a never-analyzed table alone when nothing was added to it', async () => {
    const { db, statements } = fakeDb({ leave_episode: 5_000_000, child: -1 });
    await analyzeGrownTables(db, ['leave_episode', 'child'], (table) =>
      table === 'child' ? 0 : 1_000,
    );
    expect(analyzed(statements)).toEqual([]);
  });
});
