import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiConsumes,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  IMPORT_KINDS,
  PERMISSIONS,
  type ImportJobDto,
  type ImportKind,
} from '@ikuboard/shared/contracts';
import { isValidIsoDate } from '@ikuboard/shared/kpi';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { AppError, Errors } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DEMO_STAFF } from '../setup/demo-seed';
import { buildTemplate } from './import-templates';
import { ImportsService, MAX_IMPORT_WAIT_MS } from './imports.service';
import { writeRosterExport } from './roster-export';
import { buildSampleRoster } from './sample-roster';

const TEMPLATE_NAMES: Record<ImportKind, string> = {
  units: '所属',
  roster: '職員名簿',
  children: '子',
  leave: '休暇',
  overtime: '超過勤務',
  pay: '給与',
};

const XLSX_MIME =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ImportForm {
  @IsOptional() @IsIn(['true', 'false']) dryRun?: 'true' | 'false';
  @IsOptional() @IsIn(['true', 'false']) partial?: 'true' | 'false';
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) asOf?: string;
}

export class ImportJobQuery {
  @ApiPropertyOptional({
    description: `Milliseconds to wait for a running job to finish before answering (a long poll; at most ${MAX_IMPORT_WAIT_MS})`,
    example: 1000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_IMPORT_WAIT_MS)
  wait?: number;
}

export class RosterExportQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/) asOf!: string;
}

const fileError = (status: HttpStatus, code: string, ja: string, en: string) =>
  new AppError(status, code, { ja, en });

/** Rejects what is not an .xlsx workbook before any parsing: by name and by its zip signature. */
export function checkUpload(file: Express.Multer.File | undefined): {
  name: string;
  buffer: Buffer;
} {
  if (!file) {
    throw fileError(
      HttpStatus.BAD_REQUEST,
      'IMPORT_NO_FILE',
      'ファイルを選択してください。',
      'Choose a file to import.',
    );
  }
  // Multer reads the multipart filename as latin1; browsers send UTF-8 (Japanese file names).
  const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
  if (file.size === 0) {
    throw fileError(
      HttpStatus.BAD_REQUEST,
      'IMPORT_EMPTY_FILE',
      'ファイルが空です(0 バイト)。',
      'The file is empty (0 bytes).',
    );
  }
  const signature = file.buffer.subarray(0, 4);
  if (signature.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fileError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'IMPORT_LEGACY_XLS',
      '古い Excel 形式 (.xls) またはマクロ付きのファイルです。Excel で「Excel ブック (.xlsx)」として保存し直してください。',
      'This is a legacy .xls (or macro) file. Save it as an Excel Workbook (.xlsx) and try again.',
    );
  }
  if (
    !/\.xlsx$/i.test(name) ||
    !signature.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  ) {
    throw fileError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'IMPORT_NOT_XLSX',
      'Excel ブック (.xlsx) ファイルを選択してください。CSV やその他の形式は取り込めません。',
      'Choose an Excel workbook (.xlsx). CSV and other formats cannot be imported.',
    );
  }
  return { name, buffer: file.buffer };
}

@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('imports/:kind')
  @RequirePermission(PERMISSIONS.importData)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Import units or a roster from .xlsx (dry run or all-or-nothing); poll the returned job',
  })
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @CurrentAuth() auth: AuthContext,
    @Param('kind', new ParseEnumPipe(IMPORT_KINDS)) kind: ImportKind,
    @Body() form: ImportForm,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<ImportJobDto> {
    const upload = checkUpload(file);
    const asOf = form.asOf ?? null;
    if (kind === 'roster' && (asOf === null || !isValidIsoDate(asOf))) {
      throw fileError(
        HttpStatus.BAD_REQUEST,
        'IMPORT_AS_OF_REQUIRED',
        '職員名簿の取込には基準日 (YYYY-MM-DD) が必要です。',
        'A roster import needs an as-of date (YYYY-MM-DD).',
      );
    }
    return this.imports.start({
      organizationId: auth.organizationId,
      accountId: auth.accountId,
      kind,
      fileName: upload.name,
      file: upload.buffer,
      dryRun: form.dryRun === 'true',
      asOf: kind === 'roster' ? asOf : null,
      partial: form.partial === 'true',
    });
  }

  @Get('imports/templates/:kind')
  @RequirePermission(PERMISSIONS.importData)
  @ApiOperation({ summary: 'Download the .xlsx import template' })
  async template(
    @CurrentAuth() auth: AuthContext,
    @Param('kind', new ParseEnumPipe(IMPORT_KINDS)) kind: ImportKind,
  ): Promise<StreamableFile> {
    const [units, stages] = await Promise.all([
      this.dataSource.query(
        `SELECT code, name FROM org_unit WHERE organization_id = $1 ORDER BY sort_order, code`,
        [auth.organizationId],
      ),
      this.dataSource.query(
        `SELECT code, name FROM position_stage WHERE organization_id = $1 ORDER BY sort_order`,
        [auth.organizationId],
      ),
    ]);
    const buffer = await buildTemplate(kind, { units, stages });
    const fileName = `${TEMPLATE_NAMES[kind]}テンプレート.xlsx`;
    return new StreamableFile(buffer, {
      type: XLSX_MIME,
      disposition: `attachment; filename="${kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Get('imports/samples/roster')
  @RequirePermission(PERMISSIONS.importData)
  @ApiOperation({
    summary:
      "Demo mode only: next April's roster of the demo city, ready to import",
  })
  async sampleRoster(): Promise<StreamableFile> {
    if (this.config.mode !== 'demo')
      throw Errors.notFound({ ja: 'サンプル名簿', en: 'The sample roster' });
    const { asOf, file } = await buildSampleRoster(DEMO_STAFF);
    return new StreamableFile(file, {
      type: XLSX_MIME,
      disposition: `attachment; filename="sample-roster-${asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(`サンプル職員名簿_${asOf}.xlsx`)}`,
    });
  }

  @Get('imports/:id')
  @RequirePermission(PERMISSIONS.importData)
  @ApiOperation({
    summary:
      'Progress and result of an import; with ?wait=ms, answers when a running job finishes or the wait is over',
  })
  job(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: ImportJobQuery,
  ): Promise<ImportJobDto> {
    return this.imports.get(auth.organizationId, id, query.wait ?? 0);
  }

  @Get('roster/export')
  @RequirePermission(PERMISSIONS.exportRoster)
  @ApiOperation({
    summary: 'Download the roster in service on a date, in the import layout',
  })
  async exportRoster(
    @CurrentAuth() auth: AuthContext,
    @Query() query: RosterExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    if (!isValidIsoDate(query.asOf)) {
      throw fileError(
        HttpStatus.BAD_REQUEST,
        'INVALID_DATE',
        '基準日が正しくありません。',
        'The as-of date is not valid.',
      );
    }
    const fileName = `職員名簿_${query.asOf}.xlsx`;
    response.setHeader('Content-Type', XLSX_MIME);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="roster-${query.asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    await writeRosterExport(
      this.dataSource,
      auth.organizationId,
      query.asOf,
      response,
    );
  }
}
