import { HttpStatus, Injectable } from '@nestjs/common';
import {
  IKUBOSS_TRAINING_KIND_NAMES,
  type EmployeeOptionDto,
  type TrainingAttendanceImportDto,
  type TrainingAttendeeDto,
  type TrainingDetailDto,
  type TrainingDto,
  type TrainingInputDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { AppError, Errors } from '../../common/app-error';
import { parseCode } from '../imports/cell-values';
import type { ColumnSpec } from '../imports/import-columns';
import { CellErrors, rowReader } from '../imports/import-errors';
import { ImportFileError, readSheet } from '../imports/xlsx-reader';
import { invalid, requireDate, requireUuid, todayIso } from './ikuboss-common';

const TRAINING = { ja: '研修', en: 'The training' };

export const ATTENDANCE_COLUMNS: readonly ColumnSpec<'employeeNumber'>[] = [
  {
    key: 'employeeNumber',
    ja: '職員番号',
    en: 'employee_number',
    required: true,
    description: {
      ja: '受講した職員の職員番号',
      en: 'Employee number of the attendee',
    },
  },
];
const ATTENDANCE_HEADERS = { employeeNumber: '職員番号' };
const MAX_ATTENDANCE_ROWS = 5_000;

const TRAINING_SELECT = `
  SELECT t.id, t.kind, t.name, t.held_on AS "heldOn", t.fiscal_year AS "fiscalYear",
         (SELECT count(*) FROM ikuboss_training_attendance ta WHERE ta.training_id = t.id)::int AS "attendeeCount",
         (SELECT count(*) FROM ikuboss_training_attendance ta
            JOIN assignment a ON a.organization_id = ta.organization_id AND a.employee_id = ta.employee_id
                             AND a.valid_from <= t.held_on AND (a.valid_to IS NULL OR a.valid_to > t.held_on)
            JOIN position_stage s ON s.organization_id = a.organization_id AND s.id = a.position_stage_id AND s.is_manager
           WHERE ta.training_id = t.id)::int AS "managerAttendeeCount"
    FROM ikuboss_training t
   WHERE t.organization_id = $1`;

/** Employee number, name, unit and manager flag as of a date (the assignment in force then). */
const PERSON_ON = (date: string) => `
  SELECT e.id, e.employee_number AS "employeeNumber", e.name, u.name AS "unitName",
         coalesce(s.is_manager, false) AS "isManager",
         e.hire_date <= ${date} AND (e.separation_date IS NULL OR e.separation_date >= ${date}) AS "inService"
    FROM employee e
    LEFT JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                          AND a.valid_from <= ${date} AND (a.valid_to IS NULL OR a.valid_to > ${date})
    LEFT JOIN org_unit u ON u.organization_id = e.organization_id AND u.id = a.org_unit_id
    LEFT JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id
   WHERE e.organization_id = $1`;

interface PersonRow extends EmployeeOptionDto {
  id: string;
  inService: boolean;
}

@Injectable()
export class TrainingsService {
  constructor(private readonly dataSource: DataSource) {}

  list(organizationId: string, fiscalYear?: number): Promise<TrainingDto[]> {
    return this.dataSource.query(
      `${TRAINING_SELECT} AND ($2::int IS NULL OR t.fiscal_year = $2) ORDER BY t.held_on DESC, t.name`,
      [organizationId, fiscalYear ?? null],
    );
  }

  async get(organizationId: string, id: string): Promise<TrainingDetailDto> {
    requireUuid(id, TRAINING);
    const [training] = (await this.dataSource.query(
      `${TRAINING_SELECT} AND t.id = $2`,
      [organizationId, id],
    )) as TrainingDto[];
    if (!training) throw Errors.notFound(TRAINING);
    const attendees = (await this.dataSource.query(
      `${PERSON_ON('$3::date')}
         AND e.id IN (SELECT employee_id FROM ikuboss_training_attendance WHERE organization_id = $1 AND training_id = $2)
       ORDER BY e.employee_number`,
      [organizationId, id, training.heldOn],
    )) as PersonRow[];
    return {
      ...training,
      attendees: attendees.map(
        ({
          employeeNumber,
          name,
          unitName,
          isManager,
        }): TrainingAttendeeDto => ({
          employeeNumber,
          name,
          unitName,
          isManager,
        }),
      ),
    };
  }

  async create(
    organizationId: string,
    input: TrainingInputDto,
  ): Promise<TrainingDto> {
    const heldOn = requireDate(input.heldOn, '実施日', 'The date held');
    const name =
      input.name?.trim() ||
      (input.kind === 'custom'
        ? ''
        : IKUBOSS_TRAINING_KIND_NAMES[input.kind].ja);
    if (name === '')
      throw invalid(
        'その他の研修には研修名を入力してください。',
        'Give a name for a custom training.',
      );
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO ikuboss_training (organization_id, kind, name, held_on, fiscal_year) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organizationId, input.kind, name, heldOn, fiscalYearOf(heldOn)],
    )) as [{ id: string }];
    const { attendees: _attendees, ...training } = await this.get(
      organizationId,
      id,
    );
    return training;
  }

  async remove(organizationId: string, id: string): Promise<void> {
    requireUuid(id, TRAINING);
    const [, count] = (await this.dataSource.query(
      `DELETE FROM ikuboss_training WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    )) as [unknown, number];
    if (count === 0) throw Errors.notFound(TRAINING);
  }

  private async heldOn(organizationId: string, id: string): Promise<string> {
    requireUuid(id, TRAINING);
    const [row] = (await this.dataSource.query(
      `SELECT held_on FROM ikuboss_training WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    )) as { held_on: string }[];
    if (!row) throw Errors.notFound(TRAINING);
    return row.held_on;
  }

  private async people(
    organizationId: string,
    numbers: readonly string[],
    date: string,
  ): Promise<Map<string, PersonRow>> {
    const rows = (await this.dataSource.query(
      `${PERSON_ON('$3::date')} AND e.employee_number = ANY ($2::text[])`,
      [organizationId, numbers, date],
    )) as PersonRow[];
    return new Map(rows.map((row) => [row.employeeNumber, row]));
  }

  private async insertAttendance(
    organizationId: string,
    trainingId: string,
    employeeIds: readonly string[],
  ): Promise<number> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO ikuboss_training_attendance (organization_id, training_id, employee_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING RETURNING employee_id`,
      [organizationId, trainingId, employeeIds],
    )) as unknown[];
    return inserted.length;
  }

  /** Attendance picked on the form: every number must be an employee in service on the day. */
  async addAttendees(
    organizationId: string,
    trainingId: string,
    numbers: readonly string[],
  ): Promise<TrainingDetailDto> {
    const heldOn = await this.heldOn(organizationId, trainingId);
    const wanted = [...new Set(numbers.map((n) => n.trim()))];
    const people = await this.people(organizationId, wanted, heldOn);
    const unknown = wanted.filter((n) => !people.get(n)?.inService);
    if (unknown.length > 0) {
      throw Errors.validation(
        unknown.map((n) => ({
          ja: `職員番号「${n}」の職員は実施日 ${heldOn} に在職していません(または存在しません)。`,
          en: `Employee ${n} was not in service on ${heldOn} (or does not exist).`,
        })),
      );
    }
    await this.insertAttendance(
      organizationId,
      trainingId,
      wanted.map((n) => people.get(n)!.id),
    );
    return this.get(organizationId, trainingId);
  }

  async removeAttendee(
    organizationId: string,
    trainingId: string,
    employeeNumber: string,
  ): Promise<void> {
    // An unknown training (or another organization's) is 404; removing someone who did not
    // attend an existing training is idempotent (204).
    await this.heldOn(organizationId, trainingId);
    await this.dataSource.query(
      `DELETE FROM ikuboss_training_attendance ta USING employee e
        WHERE ta.organization_id = $1 AND ta.training_id = $2 AND e.organization_id = $1
          AND e.id = ta.employee_id AND e.employee_number = $3`,
      [organizationId, trainingId, employeeNumber],
    );
  }

  /**
   * Attendance from an .xlsx with a 職員番号 column: every row is checked (a valid number, an
   * employee in service on the day, no repeats); a dry run writes nothing, and a real run writes
   * every row or, when any cell is bad, none.
   */
  async importAttendance(
    organizationId: string,
    trainingId: string,
    file: Buffer,
    dryRun: boolean,
  ): Promise<TrainingAttendanceImportDto> {
    const heldOn = await this.heldOn(organizationId, trainingId);
    let content;
    try {
      content = await readSheet(
        file,
        ['受講者', 'attendance'],
        ATTENDANCE_COLUMNS,
        {
          maxRows: MAX_ATTENDANCE_ROWS,
        },
      );
    } catch (error) {
      if (error instanceof ImportFileError)
        throw new AppError(HttpStatus.BAD_REQUEST, error.code, error.text);
      throw error;
    }
    const errors = new CellErrors(content.sheet);
    const numbers: { row: number; number: string }[] = [];
    for (const row of content.rows) {
      const number = rowReader(errors, row, ATTENDANCE_HEADERS).required(
        'employeeNumber',
        (cell) => parseCode(cell),
      );
      if (number !== undefined) numbers.push({ row: row.rowNumber, number });
    }
    const people = await this.people(
      organizationId,
      numbers.map((n) => n.number),
      heldOn,
    );
    const seen = new Map<string, number>();
    for (const { row, number } of numbers) {
      const person = people.get(number);
      if (!person) {
        errors.add(row, '職員番号', number, 'UNKNOWN_EMPLOYEE', {
          ja: 'この職員番号の職員は登録されていません。',
          en: 'No employee has this number.',
        });
      } else if (!person.inService) {
        errors.add(row, '職員番号', number, 'NOT_IN_SERVICE', {
          ja: `実施日 ${heldOn} に在職していません。`,
          en: `Not in service on the training date ${heldOn}.`,
        });
      } else if (seen.has(number)) {
        errors.add(row, '職員番号', number, 'DUPLICATE_ROW', {
          ja: `${seen.get(number)}行目と同じ職員番号です。`,
          en: `Same employee number as row ${seen.get(number)}.`,
        });
      } else {
        seen.set(number, row);
      }
    }
    const ids = [...seen.keys()].map((n) => people.get(n)!.id);
    if (errors.count > 0 || dryRun) {
      const [{ present }] = (await this.dataSource.query(
        `SELECT count(*)::int AS present FROM ikuboss_training_attendance
          WHERE organization_id = $1 AND training_id = $2 AND employee_id = ANY ($3::uuid[])`,
        [organizationId, trainingId, ids],
      )) as [{ present: number }];
      return {
        dryRun,
        rows: content.rows.length,
        added: errors.count > 0 ? 0 : ids.length - present,
        errors: errors.list,
      };
    }
    const added = await this.insertAttendance(organizationId, trainingId, ids);
    return { dryRun, rows: content.rows.length, added, errors: [] };
  }

  /** Employees in service today whose number or name matches, for the attendance picker. */
  async searchEmployees(
    organizationId: string,
    query: string | undefined,
    managersOnly = false,
  ): Promise<EmployeeOptionDto[]> {
    const q = (query ?? '').trim();
    const rows = (await this.dataSource.query(
      `${PERSON_ON('$2::date')}
         AND e.hire_date <= $2::date AND (e.separation_date IS NULL OR e.separation_date >= $2::date)
         AND ($3 = '' OR e.employee_number ILIKE $3 || '%' OR e.name ILIKE '%' || $3 || '%')
         AND (NOT $4::boolean OR s.is_manager)
       ORDER BY e.employee_number LIMIT 50`,
      [organizationId, todayIso(), q.replace(/[%_\\]/g, ''), managersOnly],
    )) as PersonRow[];
    return rows.map(({ employeeNumber, name, unitName, isManager }) => ({
      employeeNumber,
      name,
      unitName,
      isManager,
    }));
  }
}
