import pg from 'pg';

/**
 * `date` columns stay ISO strings (a JS Date would shift them by the server's time zone), and
 * `count(*)` (int8) comes back as a number; counts of people never approach 2^53.
 */
export function configurePgTypes(): void {
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) =>
    Number(value),
  );
}
