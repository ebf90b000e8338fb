import { readFileSync, writeFileSync } from 'node:fs';

import { Injectable, Logger } from '@nestjs/common';
import type { ReportJobDto, ReportKind } from '@ikuboard/shared/contracts';
import { formatFiscalYearJa } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import { Errors } from '../../common/app-error';
import { CommitteeService } from '../committee/committee.service';
import { buildAnnualWorkbook } from './annual-workbook';
import { reportChartRenderer } from './chart-worker-pool';
import { buildPublicationTables } from './publication-tables';

interface JobRow {
  id: string;
  kind: ReportKind;
  reviewId: string;
  status: ReportJobDto['status'];
  progress: number;
  fileName: string;
  failure: ReportJobDto['failure'];
  durationMs: number | null;
  peakRssMb: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const JOB_SELECT = `
  SELECT id, kind, review_id AS "reviewId", status, progress, file_name AS "fileName", failure,
         duration_ms AS "durationMs", peak_rss_mb AS "peakRssMb", created_at AS "createdAt", finished_at AS "finishedAt"
    FROM report_job WHERE organization_id = $1`;

const toDto = (row: JobRow): ReportJobDto => ({
  ...row,
  peakRssMb: row.peakRssMb === null ? null : Number(row.peakRssMb),
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt === null ? null : row.finishedAt.toISOString(),
});

/**
 * Resets the process's peak resident set (Linux: "5" to clear_refs), so that VmHWM read at the end
 * of a job is the job's peak rather than the start-up's. False where that is not possible.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The process's peak resident set since the last reset (Linux VmHWM), in MB; null elsewhere. */
function peakRssMb(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(
      readFileSync('/proc/self/status', 'utf8'),
    );
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

@Injectable()
export class ReportsService {
  private readonly logger = new Logger('ReportsService');
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly committee: CommitteeService,
  ) {}

  async organization(
    organizationId: string,
  ): Promise<{ code: string; name: string; nameEn: string | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT code, name, name_en AS "nameEn" FROM organization WHERE id = $1`,
      [organizationId],
    )) as { code: string; name: string; nameEn: string | null }[];
    if (!row) throw Errors.notFound({ ja: '団体', en: 'Organization' });
    return row;
  }

  /** Records the job and builds the workbook in the background; the client polls `get`. */
  async start(
    auth: AuthContext,
    kind: ReportKind,
    reviewId: string,
  ): Promise<ReportJobDto> {
    // The review's snapshot and the organization, read once, concurrently, and handed to the build
    // (the job's duration counts from here, so it still covers reading the snapshot).
    const started = Date.now();
    // The chart worker starts (or stays) while the snapshot is read.
    if (kind === 'annual_statistics') reportChartRenderer().warm();
    const [loaded, organization] = await Promise.all([
      this.committee.snapshot(auth.organizationId, reviewId),
      this.organization(auth.organizationId),
    ]);
    const { review } = loaded;
    const fileName =
      kind === 'annual_statistics'
        ? `年次統計_${formatFiscalYearJa(review.fiscalYear)}_第${review.version}版.xlsx`
        : `公表様式_${formatFiscalYearJa(review.fiscalYear)}_第${review.version}版.xlsx`;
    const [row] = (await this.dataSource.query(
      `INSERT INTO report_job (organization_id, account_id, review_id, kind, file_name) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [auth.organizationId, auth.accountId, reviewId, kind, fileName],
    )) as { id: string }[];
    const run = this.build(
      row!.id,
      kind,
      loaded,
      organization,
      started,
    ).finally(() => this.running.delete(run));
    this.running.add(run);
    return this.get(auth.organizationId, row!.id);
  }

  async get(organizationId: string, id: string): Promise<ReportJobDto> {
    const rows: JobRow[] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(`${JOB_SELECT} AND id = $2`, [
          organizationId,
          id,
        ])
      : [];
    if (!rows[0]) throw Errors.notFound({ ja: '帳票ジョブ', en: 'Report job' });
    return toDto(rows[0]);
  }

  async file(
    organizationId: string,
    id: string,
  ): Promise<{ fileName: string; file: Buffer }> {
    const job = await this.get(organizationId, id);
    const [row] = (await this.dataSource.query(
      `SELECT file FROM report_job WHERE organization_id = $1 AND id = $2 AND status = 'succeeded'`,
      [organizationId, job.id],
    )) as { file: Buffer | null }[];
    if (!row?.file)
      throw Errors.notFound({ ja: '完成した帳票', en: 'The finished report' });
    return { fileName: job.fileName, file: row.file };
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async build(
    jobId: string,
    kind: ReportKind,
    {
      review,
      snapshot,
      publishedItems,
    }: Awaited<ReturnType<CommitteeService['snapshot']>>,
    organization: { name: string },
    started: number,
  ): Promise<void> {
    const hwmReset = resetPeakRss();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let lastWrite = 0;
    const onProgress = (percent: number) => {
      const now = Date.now();
      if (now - lastWrite < 200) return;
      lastWrite = now;
      void this.dataSource
        .query(
          `UPDATE report_job SET progress = $2 WHERE id = $1 AND status = 'running'`,
          [jobId, percent],
        )
        .catch(() => undefined);
    };
    try {
      // Let the job row be read as running before the synchronous parts of the build start.
      await new Promise((resolve) => setImmediate(resolve));
      const file =
        kind === 'annual_statistics'
          ? await buildAnnualWorkbook(
              { organizationName: organization.name, review, snapshot },
              onProgress,
            )
          : await buildPublicationTables(
              organization.name,
              snapshot,
              review.status === 'published' ? publishedItems : null,
            );
      peak = Math.max(peak, process.memoryUsage().rss);
      const hwm = hwmReset ? peakRssMb() : null;
      await this.dataSource.query(
        `UPDATE report_job SET status = 'succeeded', progress = 100, file = $2, duration_ms = $3, peak_rss_mb = $4, finished_at = now()
          WHERE id = $1`,
        [
          jobId,
          file,
          Date.now() - started,
          Math.max(peak / 1024 / 1024, hwm ?? 0).toFixed(1),
        ],
      );
      this.logger.log(
        `report ${kind} built in ${Date.now() - started} ms, ${file.length} bytes, peak RSS ${(peak / 1024 / 1024).toFixed(1)} MB (VmHWM ${hwm?.toFixed(1) ?? '?'} MB)`,
      );
    } catch (error) {
      this.logger.error(
        `report ${jobId} failed: ${(error as Error).stack ?? String(error)}`,
      );
      await this.dataSource.query(
        `UPDATE report_job SET status = 'failed', failure = $2, finished_at = now(), duration_ms = $3 WHERE id = $1`,
        [
          jobId,
          JSON.stringify({
            ja: '帳票の作成中にエラーが発生しました。',
            en: 'The report could not be built.',
          }),
          Date.now() - started,
        ],
      );
    } finally {
      clearInterval(sampler);
    }
  }
}
