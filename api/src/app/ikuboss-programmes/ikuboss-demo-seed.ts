import { addDays, fiscalYearOf, fiscalYearStart } from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';
import { refreshKpiAggregates } from '../kpi/kpi-aggregates';

const rows = async <T>(db: Queryable, sql: string, params: unknown[]) =>
  (await db.query(sql, params)) as T[];

/** Managers (is_manager stage) in service on a date, by employee number. */
const MANAGERS_ON = `
  SELECT e.id FROM employee e
    JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                     AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)
    JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id AND s.is_manager
   WHERE e.organization_id = $1 AND e.hire_date <= $2 AND (e.separation_date IS NULL OR e.separation_date >= $2)
   ORDER BY e.employee_number`;

/**
 * Ikuboss programme demo data for みどり市, after the demo accounts exist: new fathers under the
 * demo manager (one already interviewed), interviews across the last FY, trainings with
 * attendance, practice goals, nominations with one award, and a handful of local firms.
 */
export async function seedIkubossProgrammes(
  db: Queryable,
  organizationId: string,
  lastFiscalYear: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<void> {
  const account = async (username: string) =>
    (
      await rows<{ id: string; employee_id: string | null }>(
        db,
        `SELECT id, employee_id FROM account WHERE organization_id = $1 AND username = $2`,
        [organizationId, username],
      )
    )[0] ?? null;
  // The demo history ends on the last FY's March 31; when the demo manager retired then, his
  // account moves to the first section chief still in service today, so the manager pages
  // (nudges, practice goal) show a living team.
  const linked = await account('manager');
  if (linked?.employee_id) {
    const [successor] = await rows<{ id: string }>(
      db,
      `SELECT e.id FROM employee e
         JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                          AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)
         JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id
        WHERE e.organization_id = $1 AND s.is_manager AND s.official_stage = 'section_chief'
          AND (e.separation_date IS NULL OR e.separation_date >= $2)
          AND NOT EXISTS (SELECT 1 FROM employee me WHERE me.organization_id = $1 AND me.id = $3
                            AND (me.separation_date IS NULL OR me.separation_date >= $2))
        ORDER BY e.employee_number LIMIT 1`,
      [organizationId, today, linked.employee_id],
    );
    if (successor)
      await db.query(`UPDATE account SET employee_id = $2 WHERE id = $1`, [
        linked.id,
        successor.id,
      ]);
  }
  const boss = await account('manager');
  const staff = await account('staff');
  const hr = await account('hr');
  const committee = await account('committee');
  if (!boss?.employee_id) return;

  // New fathers under the demo manager in the current FY: three permanent male staff, his own
  // reports first, then colleagues of his unit, who are put under him.
  const currentFy = fiscalYearOf(today);
  const fathers = await rows<{ id: string; reports: boolean }>(
    db,
    `SELECT e.id, e.supervisor_id IS NOT DISTINCT FROM $2 AS reports FROM employee e
       JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                        AND a.valid_from <= $3 AND (a.valid_to IS NULL OR a.valid_to > $3)
       JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id AND NOT s.is_manager
       JOIN employment_category c ON c.organization_id = e.organization_id AND c.id = a.employment_category_id AND c.code = 'permanent'
       LEFT JOIN assignment b ON b.organization_id = e.organization_id AND b.employee_id = $2
                             AND b.valid_from <= $3 AND (b.valid_to IS NULL OR b.valid_to > $3)
      WHERE e.organization_id = $1 AND e.gender = 'male' AND e.id <> $2
        AND e.hire_date <= $4 AND (e.separation_date IS NULL OR e.separation_date >= $3)
      ORDER BY (e.supervisor_id IS NOT DISTINCT FROM $2) DESC, (a.org_unit_id = b.org_unit_id) DESC NULLS LAST,
               e.employee_number
      LIMIT 3`,
    [organizationId, boss.employee_id, today, fiscalYearStart(currentFy)],
  );
  for (const father of fathers.filter((f) => !f.reports))
    await db.query(
      `UPDATE employee SET supervisor_id = $3 WHERE organization_id = $1 AND id = $2`,
      [organizationId, father.id, boss.employee_id],
    );
  const fyStart = fiscalYearStart(currentFy);
  const children: string[] = [];
  for (const [index, father] of fathers.entries()) {
    const candidate = addDays(today, -(12 + 25 * index));
    const birth = candidate < fyStart ? fyStart : candidate;
    const [child] = await rows<{ id: string }>(
      db,
      `INSERT INTO child (organization_id, employee_id, birth_date, birth_order)
       VALUES ($1, $2, $3, 1) ON CONFLICT DO NOTHING RETURNING id`,
      [organizationId, father.id, birth],
    );
    if (child) children.push(child.id);
  }
  // New births change the childcare figures: refresh those fathers' derived KPI rows, as an
  // import of children would.
  await refreshKpiAggregates(db, organizationId, {
    employeeIds: fathers.map((f) => f.id),
  });
  if (children[1]) {
    const [{ father }] = await rows<{ father: string }>(
      db,
      `SELECT employee_id AS father FROM child WHERE id = $1`,
      [children[1]],
    );
    await db.query(
      `INSERT INTO ikuboss_interview (organization_id, employee_id, child_id, interview_date, planned_start, planned_end, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        organizationId,
        father,
        children[1],
        today,
        addDays(today, 14),
        addDays(today, 44),
        boss.id,
      ],
    );
  }

  // Interviews with about half of last FY's fathers who took no leave.
  const lastFyFathers = await rows<{
    employee_id: string;
    child_id: string;
    birth_date: string;
  }>(
    db,
    `SELECT ch.employee_id, ch.id AS child_id, ch.birth_date FROM child ch
       JOIN employee e ON e.organization_id = ch.organization_id AND e.id = ch.employee_id AND e.gender = 'male'
      WHERE ch.organization_id = $1 AND ch.birth_date BETWEEN make_date($2, 4, 1) AND make_date($2 + 1, 3, 31)
        AND NOT EXISTS (SELECT 1 FROM leave_episode l WHERE l.organization_id = $1 AND l.child_id = ch.id
                          AND l.leave_type IN ('childcare', 'birth_childcare'))
      ORDER BY e.employee_number, ch.birth_date`,
    [organizationId, lastFiscalYear],
  );
  for (const [index, row] of lastFyFathers.entries()) {
    if (index % 2 === 1) continue;
    const planned = index % 4 === 0;
    await db.query(
      `INSERT INTO ikuboss_interview (organization_id, employee_id, child_id, interview_date, planned_start, planned_end, no_plan_reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        organizationId,
        row.employee_id,
        row.child_id,
        addDays(row.birth_date, 10),
        planned ? addDays(row.birth_date, 60) : null,
        planned ? addDays(row.birth_date, 73) : null,
        planned ? null : '繁忙期のため時期を相談中',
        hr?.id ?? null,
      ],
    );
  }

  // Trainings: most managers attend the FY's イクボス研修, fewer the follow-up.
  const trainings: [string, string, string, number][] = [
    ['ikuboss', 'イクボス研修', `${lastFiscalYear - 1}-06-12`, 2],
    ['ikuboss', 'イクボス研修', `${lastFiscalYear}-06-10`, 3],
    ['follow_up', 'フォローアップ研修', `${lastFiscalYear}-11-20`, 5],
    ['papa_switch', 'パパスイッチ研修', `${lastFiscalYear}-09-05`, 0],
  ];
  for (const [kind, name, heldOn, every] of trainings) {
    const [{ id }] = await rows<{ id: string }>(
      db,
      `INSERT INTO ikuboss_training (organization_id, kind, name, held_on, fiscal_year) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organizationId, kind, name, heldOn, fiscalYearOf(heldOn)],
    );
    const attendees =
      every === 0
        ? fathers.map((f) => f.id)
        : (
            await rows<{ id: string }>(db, MANAGERS_ON, [
              organizationId,
              heldOn,
            ])
          )
            .filter((_m, index) => index % every !== 1)
            .map((m) => m.id);
    await db.query(
      `INSERT INTO ikuboss_training_attendance (organization_id, training_id, employee_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [organizationId, id, attendees],
    );
  }

  // Practice goals of last FY, with self-assessments and some ratings, and the demo manager's.
  const managers = await rows<{ id: string }>(db, MANAGERS_ON, [
    organizationId,
    fiscalYearStart(lastFiscalYear),
  ]);
  const goals = [
    '部下全員が年休を16日以上取得できるよう、業務の平準化と計画取得を進める。',
    '子が生まれる男性職員全員と面談し、育児休業を1か月以上取得できる体制をつくる。',
    '定時退庁日を徹底し、課の月平均時間外勤務を10時間以内にする。',
  ];
  const goalOwners = [
    boss.employee_id,
    ...managers
      .map((m) => m.id)
      .filter((id) => id !== boss.employee_id)
      .slice(0, 8),
  ];
  for (const [index, employeeId] of goalOwners.entries()) {
    await db.query(
      `INSERT INTO ikuboss_practice_goal (organization_id, employee_id, fiscal_year, goal_text, indicators, self_assessment, hr_rating)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        organizationId,
        employeeId,
        lastFiscalYear,
        goals[index % goals.length],
        index % 3 === 2
          ? ['overtime_monthly_avg']
          : ['childcare_leave_rate_male', 'annual_leave_avg_days'],
        index % 2 === 0 ? '面談と業務分担の見直しにより概ね達成できた。' : null,
        index % 4 === 0 && index > 0 ? 'A' : null,
      ],
    );
  }
  await db.query(
    `INSERT INTO ikuboss_practice_goal (organization_id, employee_id, fiscal_year, goal_text, indicators)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [
      organizationId,
      boss.employee_id,
      currentFy,
      goals[1],
      ['childcare_leave_rate_male', 'overtime_monthly_avg'],
    ],
  );

  // Nominations: the demo staff member nominates the demo manager, who is awarded; two more.
  // Two more: staff whose direct boss is a manager other than the demo one.
  const nominators = await rows<{ id: string; boss: string }>(
    db,
    `SELECT e.id, e.supervisor_id AS boss FROM employee e
       JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.supervisor_id
                        AND a.valid_from <= $3 AND (a.valid_to IS NULL OR a.valid_to > $3)
       JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id AND s.is_manager
      WHERE e.organization_id = $1 AND e.supervisor_id <> $2
        AND e.hire_date <= $3 AND (e.separation_date IS NULL OR e.separation_date >= $3)
      ORDER BY e.employee_number LIMIT 2`,
    [organizationId, boss.employee_id, today],
  );
  const nominations: [string | null, string, string, string, boolean][] = [
    [
      staff?.employee_id ?? null,
      boss.employee_id,
      '子の誕生を一緒に喜び、育休中の業務分担を課全体で整えてくれた。',
      staff?.id ?? '',
      true,
    ],
    ...nominators.map((n, i): [string, string, string, string, boolean] => [
      n.id,
      n.boss,
      '定時退庁を自ら実践し、急な家庭の用事にも快く対応してくれる。',
      '',
      i === 0,
    ]),
  ];
  for (const [
    index,
    [nominator, nominee, reason, accountId, consent],
  ] of nominations.entries()) {
    if (!nominator || nominator === nominee) continue;
    const [{ id }] = await rows<{ id: string }>(
      db,
      `INSERT INTO ikuboss_nomination (organization_id, fiscal_year, nominator_account_id, nominator_employee_id,
                                       nominee_employee_id, reason, nominator_consent, nominee_consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        organizationId,
        lastFiscalYear,
        accountId || null,
        nominator,
        nominee,
        reason,
        consent,
        index === 0,
      ],
    );
    if (index === 0)
      await db.query(
        `INSERT INTO ikuboss_award (organization_id, nomination_id, award_name, fiscal_year, granted_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          organizationId,
          id,
          'イクボス大賞',
          lastFiscalYear,
          committee?.id ?? null,
        ],
      );
  }

  // Local firms with their declarations and seminar attendance.
  const firms: [string, string, string, string[], string[]][] = [
    [
      'みどり精機株式会社',
      '製造業',
      '100-299',
      [`${lastFiscalYear - 1}-07-01`],
      [`${lastFiscalYear}-10-15`],
    ],
    [
      '緑町信用金庫',
      '金融業',
      '300+',
      [`${lastFiscalYear}-05-20`],
      [`${lastFiscalYear}-10-15`],
    ],
    [
      'さくら介護サービス',
      '医療・福祉',
      '30-99',
      [`${lastFiscalYear}-09-01`],
      [],
    ],
    ['みどり建設', '建設業', '30-99', [], [`${lastFiscalYear}-10-15`]],
    [
      'ひかり情報システム',
      '情報通信業',
      '1-29',
      [`${lastFiscalYear}-12-10`],
      [],
    ],
  ];
  for (const [name, industry, size, declarations, seminars] of firms) {
    const [{ id }] = await rows<{ id: string }>(
      db,
      `INSERT INTO local_firm (organization_id, name, industry, size_band) VALUES ($1, $2, $3, $4) RETURNING id`,
      [organizationId, name, industry, size],
    );
    for (const declaredOn of declarations)
      await db.query(
        `INSERT INTO local_firm_declaration (organization_id, firm_id, declared_on, fiscal_year) VALUES ($1, $2, $3, $4)`,
        [organizationId, id, declaredOn, fiscalYearOf(declaredOn)],
      );
    for (const attendedOn of seminars)
      await db.query(
        `INSERT INTO local_firm_seminar (organization_id, firm_id, seminar_name, attended_on, fiscal_year) VALUES ($1, $2, $3, $4, $5)`,
        [
          organizationId,
          id,
          'イクボス・フォローアップセミナー',
          attendedOn,
          fiscalYearOf(attendedOn),
        ],
      );
  }
}
