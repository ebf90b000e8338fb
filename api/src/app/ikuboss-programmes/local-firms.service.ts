import { Injectable } from '@nestjs/common';
import type {
  LocalFirmDeclarationInputDto,
  LocalFirmDto,
  LocalFirmInputDto,
  LocalFirmSeminarInputDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';
import { conflict, requireDate, requireUuid } from './ikuboss-common';

const FIRM = { ja: '事業所', en: 'The firm' };

const FIRM_SELECT = `
  SELECT f.id, f.name, f.industry, f.size_band AS "sizeBand",
         coalesce((SELECT json_agg(json_build_object('id', d.id, 'declaredOn', d.declared_on, 'fiscalYear', d.fiscal_year)
                                   ORDER BY d.declared_on)
                     FROM local_firm_declaration d WHERE d.organization_id = f.organization_id AND d.firm_id = f.id), '[]') AS declarations,
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'seminarName', s.seminar_name, 'attendedOn', s.attended_on,
                                                     'fiscalYear', s.fiscal_year) ORDER BY s.attended_on)
                     FROM local_firm_seminar s WHERE s.organization_id = f.organization_id AND s.firm_id = f.id), '[]') AS seminars
    FROM local_firm f
   WHERE f.organization_id = $1`;

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string } | null)?.code === '23505';

@Injectable()
export class LocalFirmsService {
  constructor(private readonly dataSource: DataSource) {}

  list(organizationId: string): Promise<LocalFirmDto[]> {
    return this.dataSource.query(`${FIRM_SELECT} ORDER BY f.name`, [
      organizationId,
    ]);
  }

  async get(organizationId: string, id: string): Promise<LocalFirmDto> {
    requireUuid(id, FIRM);
    const [firm] = (await this.dataSource.query(
      `${FIRM_SELECT} AND f.id = $2`,
      [organizationId, id],
    )) as LocalFirmDto[];
    if (!firm) throw Errors.notFound(FIRM);
    return firm;
  }

  private duplicate(name: string) {
    return conflict(
      'FIRM_EXISTS',
      `事業所「${name}」は既に登録されています。`,
      `A firm named "${name}" is already registered.`,
    );
  }

  async create(
    organizationId: string,
    input: LocalFirmInputDto,
  ): Promise<LocalFirmDto> {
    try {
      const [{ id }] = (await this.dataSource.query(
        `INSERT INTO local_firm (organization_id, name, industry, size_band) VALUES ($1, $2, $3, $4) RETURNING id`,
        [
          organizationId,
          input.name.trim(),
          input.industry.trim(),
          input.sizeBand,
        ],
      )) as [{ id: string }];
      return this.get(organizationId, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.duplicate(input.name.trim());
      throw error;
    }
  }

  async update(
    organizationId: string,
    id: string,
    input: LocalFirmInputDto,
  ): Promise<LocalFirmDto> {
    await this.get(organizationId, id);
    try {
      await this.dataSource.query(
        `UPDATE local_firm SET name = $3, industry = $4, size_band = $5 WHERE organization_id = $1 AND id = $2`,
        [
          organizationId,
          id,
          input.name.trim(),
          input.industry.trim(),
          input.sizeBand,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw this.duplicate(input.name.trim());
      throw error;
    }
    return this.get(organizationId, id);
  }

  async remove(organizationId: string, id: string): Promise<void> {
    await this.get(organizationId, id);
    await this.dataSource.query(
      `DELETE FROM local_firm WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
  }

  async addDeclaration(
    organizationId: string,
    id: string,
    input: LocalFirmDeclarationInputDto,
  ): Promise<LocalFirmDto> {
    await this.get(organizationId, id);
    const declaredOn = requireDate(
      input.declaredOn,
      '宣言日',
      'The declaration date',
    );
    await this.dataSource.query(
      `INSERT INTO local_firm_declaration (organization_id, firm_id, declared_on, fiscal_year) VALUES ($1, $2, $3, $4)`,
      [organizationId, id, declaredOn, fiscalYearOf(declaredOn)],
    );
    return this.get(organizationId, id);
  }

  async removeDeclaration(
    organizationId: string,
    id: string,
    declarationId: string,
  ): Promise<LocalFirmDto> {
    await this.get(organizationId, id);
    requireUuid(declarationId, { ja: '宣言', en: 'The declaration' });
    await this.dataSource.query(
      `DELETE FROM local_firm_declaration WHERE organization_id = $1 AND firm_id = $2 AND id = $3`,
      [organizationId, id, declarationId],
    );
    return this.get(organizationId, id);
  }

  async addSeminar(
    organizationId: string,
    id: string,
    input: LocalFirmSeminarInputDto,
  ): Promise<LocalFirmDto> {
    await this.get(organizationId, id);
    const attendedOn = requireDate(
      input.attendedOn,
      '受講日',
      'The attendance date',
    );
    await this.dataSource.query(
      `INSERT INTO local_firm_seminar (organization_id, firm_id, seminar_name, attended_on, fiscal_year) VALUES ($1, $2, $3, $4, $5)`,
      [
        organizationId,
        id,
        input.seminarName.trim(),
        attendedOn,
        fiscalYearOf(attendedOn),
      ],
    );
    return this.get(organizationId, id);
  }
}
