import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicDisclosureDto } from '@ikuboard/shared/contracts';

import { Public } from '../../common/access.decorator';
import {
  buildPublicationTables,
  mierukaCsv,
} from '../reports/publication-tables';
import { attachment, XLSX_MIME } from '../reports/reports.controller';
import { PublicService } from './public.service';

@ApiTags('public')
@Controller('public/organizations')
export class PublicController {
  constructor(private readonly publicFigures: PublicService) {}

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'The published figures and targets of an organization (no login)',
  })
  disclosure(@Param('code') code: string): Promise<PublicDisclosureDto> {
    return this.publicFigures.disclosure(code);
  }

  @Get(':code/tables.xlsx')
  @Public()
  @ApiOperation({ summary: 'The published tables (公表様式) as Excel' })
  async tables(@Param('code') code: string): Promise<StreamableFile> {
    const row = await this.publicFigures.published(code);
    const file = await buildPublicationTables(
      row.name,
      row.snapshot,
      row.publishedItems,
    );
    return new StreamableFile(file, {
      type: XLSX_MIME,
      disposition: attachment(
        `tables-${row.fiscalYear}.xlsx`,
        `${row.name}_公表資料_${row.fiscalYear}.xlsx`,
      ),
    });
  }

  @Get(':code/targets.csv')
  @Public()
  @ApiOperation({
    summary: 'The targets in the Cabinet Office 見える化 CSV layout',
  })
  async targets(@Param('code') code: string): Promise<StreamableFile> {
    const row = await this.publicFigures.published(code);
    return new StreamableFile(
      Buffer.from(mierukaCsv(row.snapshot.targets, row.fiscalYear), 'utf8'),
      {
        type: 'text/csv; charset=utf-8',
        disposition: attachment(
          `targets-${row.fiscalYear}.csv`,
          `${row.name}_目標_${row.fiscalYear}.csv`,
        ),
      },
    );
  }
}
