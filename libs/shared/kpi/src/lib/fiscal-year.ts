import type { IsoDate } from './dataset';

const REIWA_FIRST_FISCAL_YEAR = 2019;
const HEISEI_FIRST_FISCAL_YEAR = 1989;

/** 年度: April–March, named after the calendar year in which it starts. */
export function fiscalYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

export function fiscalYearStart(fiscalYear: number): IsoDate {
  return `${padYear(fiscalYear)}-04-01`;
}

export function fiscalYearEnd(fiscalYear: number): IsoDate {
  return `${padYear(fiscalYear + 1)}-03-31`;
}

/**
 * 令和N年度 / 平成N年度. Reiwa began on 2019-05-01, but municipalities call the whole FY2019
 * 令和元年度, so the era is chosen per fiscal year, not per date.
 */
export function formatFiscalYearJa(fiscalYear: number): string {
  if (fiscalYear >= REIWA_FIRST_FISCAL_YEAR) {
    return `令和${eraYearText(fiscalYear - REIWA_FIRST_FISCAL_YEAR + 1)}年度`;
  }
  if (fiscalYear >= HEISEI_FIRST_FISCAL_YEAR) {
    return `平成${eraYearText(fiscalYear - HEISEI_FIRST_FISCAL_YEAR + 1)}年度`;
  }
  return `${fiscalYear}年度`;
}

export function formatFiscalYearEn(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

const ERA_FIRST_FISCAL_YEAR: Readonly<Record<string, number>> = {
  令和: REIWA_FIRST_FISCAL_YEAR,
  R: REIWA_FIRST_FISCAL_YEAR,
  平成: HEISEI_FIRST_FISCAL_YEAR,
  H: HEISEI_FIRST_FISCAL_YEAR,
};

const ERA_YEAR_PATTERN = /^(令和|平成|R|H)(元|\d{1,2})(?:年度?)?$/;
const WESTERN_YEAR_PATTERN = /^(?:FY)?(\d{4})(?:年度?)?$/;

/**
 * Reads a fiscal year as HR staff type it in Excel: 2024, 2024年度, FY2024, 令和6年度, 令和元年度,
 * R6, R6年度, H31, with full-width digits and letters too. Returns null rather than guessing.
 */
export function parseFiscalYear(text: string): number | null {
  const normalized = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const western = WESTERN_YEAR_PATTERN.exec(normalized);
  if (western) {
    return Number(western[1]);
  }
  const era = ERA_YEAR_PATTERN.exec(normalized);
  if (!era) {
    return null;
  }
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) {
    return null;
  }
  return ERA_FIRST_FISCAL_YEAR[era[1]] + eraYear - 1;
}

function eraYearText(eraYear: number): string {
  return eraYear === 1 ? '元' : String(eraYear);
}

function padYear(year: number): string {
  return String(year).padStart(4, '0');
}
