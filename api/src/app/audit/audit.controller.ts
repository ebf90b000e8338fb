import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type AuditEntryDto,
  type AuditPageDto,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import {
  neutralizeFormula,
  PRINT_PAGE_SETUP,
  setupPrint,
  styleHeaderRow,
} from '../imports/xlsx-writer';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AuditQuery {
  @IsOptional() @Matches(/^\d{1,18}$/) before?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @Matches(DATE) from?: string;
  @IsOptional() @Matches(DATE) to?: string;
}

export class AuditExportQuery {
  @IsIn(['csv', 'xlsx']) format!: 'csv' | 'xlsx';
  @IsOptional() @Matches(DATE) from?: string;
  @IsOptional() @Matches(DATE) to?: string;
}

const EXPORT_LIMIT = 100_000;
/** Rows read per query when the .xlsx is streamed. */
const EXPORT_PAGE = 5_000;

const COLUMNS: { key: keyof AuditEntryDto; ja: string; en: string }[] = [
  { key: 'id', ja: '番号', en: 'ID' },
  { key: 'occurredAt', ja: '日時 (UTC)', en: 'Time (UTC)' },
  { key: 'username', ja: 'ユーザー名', en: 'Username' },
  { key: 'accountId', ja: 'アカウントID', en: 'Account ID' },
  { key: 'role', ja: 'ロール', en: 'Role' },
  { key: 'action', ja: '操作', en: 'Action' },
  { key: 'method', ja: 'メソッド', en: 'Method' },
  { key: 'route', ja: 'ルート', en: 'Route' },
  { key: 'resourceIds', ja: '対象', en: 'Resources' },
  { key: 'status', ja: 'ステータス', en: 'Status' },
  { key: 'ip', ja: 'IPアドレス', en: 'IP address' },
  { key: 'userAgent', ja: 'ユーザーエージェント', en: 'User agent' },
];

/** Every value as the text a spreadsheet shows, never as something it would run. */
function cellText(entry: AuditEntryDto, key: keyof AuditEntryDto): string {
  const value = entry[key];
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'object'
      ? Object.entries(value)
          .map(([name, id]) => `${name}=${id}`)
          .join(' ')
      : String(value);
  return neutralizeFormula(text);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission(PERMISSIONS.readAuditLog)
  @ApiOperation({
    summary: "The organization's audit log, newest first (admins)",
  })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: AuditQuery,
  ): Promise<AuditPageDto> {
    const limit = query.limit ?? 100;
    const entries = await this.load(auth.organizationId, {
      before: query.before ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      limit: limit + 1,
    });
    const page = entries.slice(0, limit);
    return {
      entries: page,
      nextBefore: entries.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  @Get('export')
  @RequirePermission(PERMISSIONS.readAuditLog)
  @ApiOperation({ summary: 'Download the audit log as CSV or .xlsx (admins)' })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Query() query: AuditExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const entries = await this.load(auth.organizationId, {
      before: null,
      from: query.from ?? null,
      to: query.to ?? null,
      limit: query.format === 'csv' ? EXPORT_LIMIT : EXPORT_PAGE,
    });
    const stamp = new Date().toISOString().slice(0, 10);
    if (query.format === 'csv') {
      const lines = [COLUMNS.map((column) => csvField(column.ja)).join(',')];
      for (const entry of entries)
        lines.push(
          COLUMNS.map((column) => csvField(cellText(entry, column.key))).join(
            ',',
          ),
        );
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="audit-log-${stamp}.csv"`,
      );
      // The byte-order mark makes Excel read the file as UTF-8 (Japanese headers).
      response.send('\uFEFF' + lines.join('\r\n') + '\r\n');
      return;
    }
    response.setHeader(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="audit-log-${stamp}.xlsx"`,
    );
    // Streamed: each page of rows is written and released, so memory stays flat up to the limit.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: response,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = book.addWorksheet('監査ログ', {
      pageSetup: { ...PRINT_PAGE_SETUP },
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = COLUMNS.map((column) => ({
      header: column.ja,
      key: column.key,
      width: column.key === 'userAgent' ? 40 : 18,
    }));
    styleHeaderRow(sheet.getRow(1));
    setupPrint(sheet, '監査ログ');
    sheet.getRow(1).commit();
    for (const entry of entries)
      sheet
        .addRow(COLUMNS.map((column) => cellText(entry, column.key)))
        .commit();
    let written = entries.length;
    let before = entries.at(-1)?.id ?? null;
    while (before !== null && written < EXPORT_LIMIT) {
      const page = await this.load(auth.organizationId, {
        before,
        from: query.from ?? null,
        to: query.to ?? null,
        limit: Math.min(EXPORT_PAGE, EXPORT_LIMIT - written),
      });
      for (const entry of page)
        sheet
          .addRow(COLUMNS.map((column) => cellText(entry, column.key)))
          .commit();
      written += page.length;
      before = page.length === 0 ? null : page.at(-1)!.id;
    }
    sheet.commit();
    await book.commit();
  }

  private load(
    organizationId: string,
    filter: {
      before: string | null;
      from: string | null;
      to: string | null;
      limit: number;
    },
  ): Promise<AuditEntryDto[]> {
    return this.dataSource.query(
      `SELECT l.id::text AS id, to_char(l.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
              l.account_id AS "accountId", a.username, l.role, l.action, l.method, l.route,
              l.resource_ids AS "resourceIds", l.status, l.ip, l.user_agent AS "userAgent"
         FROM audit_log l LEFT JOIN account a ON a.id = l.account_id
        WHERE l.organization_id = $1
          AND ($2::bigint IS NULL OR l.id < $2::bigint)
          AND ($3::date IS NULL OR l.occurred_at >= $3::date)
          AND ($4::date IS NULL OR l.occurred_at < $4::date + 1)
        ORDER BY l.id DESC
        LIMIT $5`,
      [organizationId, filter.before, filter.from, filter.to, filter.limit],
    );
  }
}
