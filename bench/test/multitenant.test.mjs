import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cloneStatement } from '../multitenant.mjs';

const col = (name, type, generated = false) => ({ name, type, generated });

test('a tenant table is copied with every uuid remapped per copy and the rest as it is', () => {
  assert.equal(
    cloneStatement('leave_episode', [
      col('id', 'uuid'),
      col('organization_id', 'uuid'),
      col('employee_id', 'uuid'),
      col('days', 'numeric'),
    ]),
    'INSERT INTO "leave_episode" ("id", "organization_id", "employee_id", "days") ' +
      `SELECT md5(t."id"::text || '/' || copy_n)::uuid, md5(t."organization_id"::text || '/' || copy_n)::uuid, ` +
      `md5(t."employee_id"::text || '/' || copy_n)::uuid, t."days" ` +
      'FROM "leave_episode" t CROSS JOIN generate_series(1, $2::int) AS copy_n WHERE t.organization_id = $1',
  );
});

test('sequence-filled columns are left to their sequence; uuid arrays are remapped element by element', () => {
  const sql = cloneStatement('audit', [
    col('seq', 'int8', true),
    col('organization_id', 'uuid'),
    col('ids', '_uuid'),
  ]);
  assert.match(sql, /^INSERT INTO "audit" \("organization_id", "ids"\) /);
  assert.match(
    sql,
    /ARRAY\(SELECT md5\(x::text \|\| '\/' \|\| copy_n\)::uuid FROM unnest\(t\."ids"\) AS x\)/,
  );
});

test('the organization row is selected by its id and gets the code t001, t002, …; accounts their own usernames', () => {
  const org = cloneStatement('organization', [
    col('id', 'uuid'),
    col('code', 'text'),
    col('name', 'text'),
  ]);
  assert.match(
    org,
    /SELECT md5\(t\."id"::text \|\| '\/' \|\| copy_n\)::uuid, 't' \|\| lpad\(copy_n::text, 3, '0'\), t\."name" /,
  );
  assert.match(org, /WHERE t\.id = \$1$/);
  const account = cloneStatement('account', [
    col('organization_id', 'uuid'),
    col('username', 'text'),
  ]);
  assert.match(account, /'t' \|\| lpad\(copy_n::text, 3, '0'\) \|\| '-hr'/);
});
