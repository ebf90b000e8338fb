/**
 * Authorization matrix: every endpoint of the running API × every role (and no session) × own or
 * another organization.
 *
 * The route table is read from the API itself (the OpenAPI document Swagger serves at
 * /api/docs-json), so this spec fails, naming them, for every endpoint without an entry in MATRIX
 * and every entry whose endpoint no longer exists.
 *
 * ADDING AN ENDPOINT is one line in MATRIX, keyed exactly as the failure message prints it:
 *     'GET /api/v1/things/{id}': { access: PERMISSIONS.readThings, params: { id: (f, org) => f[org].thingId } },
 * `access` is 'public', 'authenticated' or the permission the route requires; the expected answer
 * for a role is then hasPermission(role, permission). `params` fill path parameters (from the
 * fixtures of the caller's own organization, or of the other one); a param that takes a record id
 * is also called with the OTHER organization's id, which must answer 404/403 and leak nothing.
 * `query`/`body` make the call valid enough to reach the handler. Allowed calls must not answer
 * 401/403 (nor 5xx); denied calls must answer 401/403 with only the error body. Writes are sent
 * with an empty body unless `body` is given, so an allowed write stops at validation (400) and
 * changes nothing. `endsSession` routes are called with a throwaway login.
 */
import { randomUUID } from 'node:crypto';

import {
  hasPermission,
  LOCAL_FIRM_SIZE_BANDS,
  PERMISSIONS,
  PRACTICE_GOAL_RATINGS,
  ROLES,
  type ImportJobDto,
  type Permission,
  type PlanDto,
  type Role,
  type TargetDto,
} from '@ikuboard/shared/contracts';

import { ApiClient, type ApiResponse } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import {
  readRows,
  ROSTER_HEADER,
  UNIT_HEADER,
  workbook,
} from '../support/xlsx';

interface OrgFixture {
  tenant: Tenant;
  targetId: string;
  planId: string;
  importJobId: string;
  firmId: string;
  reviewId: string;
  trainingId: string;
  /** The id of this organization's staff account. */
  accountId: string;
  /** An employee of this organization, attendee of its training. */
  employeeNumber: string;
  /** Strings that exist only in this organization's data. */
  markers: string[];
}
type Fixtures = Record<'own' | 'other', OrgFixture>;
type ParamFill = (fixtures: Fixtures, org: 'own' | 'other') => string;

/** A well-formed id of no record: an allowed role reaches the handler and gets 404. */
const absentIds = { own: randomUUID(), other: randomUUID() };
const absent: ParamFill = (_f, org) => absentIds[org];
/**
 * For writes that would change a real record: nothing in the own organization (404), but the
 * OTHER organization's real record in the cross-organization check, which must answer 404/403.
 */
const otherOnly =
  (pick: (o: OrgFixture) => string): ParamFill =>
  (f, org) =>
    org === 'own' ? absentIds.own : pick(f.other);

interface Entry {
  access: 'public' | 'authenticated' | Permission;
  params?: Record<string, ParamFill>;
  /** Path params holding record ids: also tried with the other organization's id. */
  idParams?: string[];
  query?: string;
  body?: (fixtures: Fixtures) => object;
  endsSession?: boolean;
}

const P = PERMISSIONS;
const MATRIX: Record<string, Entry> = {
  'GET /api/v1/health': { access: 'public' },
  'POST /api/v1/auth/login': { access: 'public' },
  'GET /api/v1/auth/session': { access: 'authenticated' },
  'POST /api/v1/auth/logout': { access: 'authenticated', endsSession: true },
  'POST /api/v1/auth/logout-everywhere': {
    access: 'authenticated',
    endsSession: true,
  },
  'GET /api/v1/org-units': { access: P.readOrgStructure },
  'GET /api/v1/fiscal-years': { access: P.readKpiFigures },
  'GET /api/v1/kpis': { access: P.readKpiFigures, query: 'fy=2025' },
  'GET /api/v1/kpis/trend': {
    access: P.readKpiFigures,
    query: 'code=female_staff_ratio',
  },
  'GET /api/v1/kpis/overview': {
    access: P.readKpiFigures,
    query: 'fy=2025&trend=female_manager_ratio',
  },
  'GET /api/v1/kpis/breakdown': {
    access: P.readKpiFigures,
    query: 'code=female_staff_ratio&fy=2025&by=child_unit',
  },
  'GET /api/v1/kpis/{code}/people': {
    access: P.readPersonData,
    params: { code: () => 'female_staff_ratio' },
    query: 'fy=2025',
  },
  'GET /api/v1/plans': { access: P.readTargets },
  'POST /api/v1/plans': { access: P.manageTargets },
  'GET /api/v1/targets': { access: P.readTargets },
  'POST /api/v1/targets': { access: P.manageTargets },
  'GET /api/v1/targets/progress': { access: P.readTargets, query: 'fy=2025' },
  'PUT /api/v1/targets/{id}': {
    access: P.manageTargets,
    params: { id: (f, org) => f[org].targetId },
    idParams: ['id'],
    body: (f) => targetBody(f.own.planId, 'x'),
  },
  'DELETE /api/v1/targets/{id}': {
    access: P.manageTargets,
    params: { id: (f, org) => f[org].targetId },
    idParams: ['id'],
  },
  'POST /api/v1/imports/{kind}': {
    access: P.importData,
    params: { kind: () => 'units' },
  },
  'GET /api/v1/imports/templates/{kind}': {
    access: P.importData,
    params: { kind: () => 'roster' },
  },
  'GET /api/v1/imports/samples/roster': { access: P.importData },
  'GET /api/v1/imports/{id}': {
    access: P.importData,
    params: { id: (f, org) => f[org].importJobId },
    idParams: ['id'],
  },
  'GET /api/v1/roster/export': {
    access: P.exportRoster,
    query: 'asOf=2025-04-01',
  },
  'GET /api/v1/aggregate-figures': {
    access: P.readKpiFigures,
    query: 'fy=2025',
  },
  'PUT /api/v1/aggregate-figures': { access: P.importData },
  'DELETE /api/v1/aggregate-figures': { access: P.importData },
  'GET /api/v1/audit': { access: P.readAuditLog },
  'GET /api/v1/audit/export': { access: P.readAuditLog, query: 'format=csv' },

  // Ikuboss declarations (api/src/app/declarations)
  'GET /api/v1/ikuboss/templates': { access: P.manageIkubossDeclarations },
  'POST /api/v1/ikuboss/templates': { access: P.manageIkubossDeclarations },
  'PUT /api/v1/ikuboss/templates/{id}': {
    access: P.manageIkubossDeclarations,
    params: { id: absent },
    idParams: ['id'],
    body: () => ({ name: 'x', title: 'x', preamble: 'x', pledges: ['x'] }),
  },
  'GET /api/v1/ikuboss/stages': { access: P.manageIkubossDeclarations },
  'GET /api/v1/ikuboss/campaigns': { access: P.readIkubossProgress },
  'POST /api/v1/ikuboss/campaigns': { access: P.manageIkubossDeclarations },
  'GET /api/v1/ikuboss/campaigns/{id}': {
    access: P.readIkubossProgress,
    params: { id: absent },
    idParams: ['id'],
  },
  'PUT /api/v1/ikuboss/campaigns/{id}': {
    access: P.manageIkubossDeclarations,
    params: { id: absent },
    idParams: ['id'],
    body: () => ({
      name: 'x',
      fiscalYear: 2025,
      stageCodes: ['kacho'],
      templateId: randomUUID(),
      deadline: '2025-06-30',
    }),
  },
  'DELETE /api/v1/ikuboss/campaigns/{id}': {
    access: P.manageIkubossDeclarations,
    params: { id: absent },
    idParams: ['id'],
  },
  'GET /api/v1/ikuboss/declarations/mine': { access: P.declareIkuboss },
  'GET /api/v1/ikuboss/declarations': {
    access: P.manageIkubossDeclarations,
    query: 'fy=2025',
  },
  'POST /api/v1/ikuboss/declarations': { access: P.declareIkuboss },
  'GET /api/v1/ikuboss/declarations/{id}': {
    access: P.declareIkuboss,
    params: { id: absent },
    idParams: ['id'],
  },
  'PUT /api/v1/ikuboss/declarations/{id}': {
    access: P.declareIkuboss,
    params: { id: absent },
    idParams: ['id'],
  },
  'DELETE /api/v1/ikuboss/declarations/{id}': {
    access: P.declareIkuboss,
    params: { id: absent },
    idParams: ['id'],
  },
  'POST /api/v1/ikuboss/declarations/{id}/sign': {
    access: P.declareIkuboss,
    params: { id: absent },
    idParams: ['id'],
    body: () => ({ confirm: true }),
  },
  'POST /api/v1/ikuboss/declarations/{id}/revoke': {
    access: P.declareIkuboss,
    params: { id: absent },
    idParams: ['id'],
    body: () => ({ reason: 'x' }),
  },
  'POST /api/v1/ikuboss/declarations/{id}/renew': {
    access: P.declareIkuboss,
    params: { id: absent },
    idParams: ['id'],
  },
  'GET /api/v1/public/organizations/{code}/ikubosses': {
    access: 'public',
    params: { code: (f) => f.own.tenant.code },
  },
  // Ikuboss programmes (api/src/app/ikuboss-programmes)
  'GET /api/v1/ikuboss/nudges': {
    access: P.readIkubossNudges,
    query: 'fy=2025',
  },
  'GET /api/v1/ikuboss/nudges/summary': {
    access: P.manageIkubossProgrammes,
    query: 'fy=2025',
  },
  'POST /api/v1/ikuboss/nudges/interviews': { access: P.readIkubossNudges },
  'GET /api/v1/ikuboss/employees': { access: P.manageIkubossProgrammes },
  'GET /api/v1/ikuboss/nominees': { access: P.nominateIkuboss },
  'GET /api/v1/ikuboss/trainings': { access: P.manageIkubossProgrammes },
  'POST /api/v1/ikuboss/trainings': { access: P.manageIkubossProgrammes },
  'GET /api/v1/ikuboss/trainings/{id}': {
    access: P.manageIkubossProgrammes,
    params: { id: (f, org) => f[org].trainingId },
    idParams: ['id'],
  },
  'DELETE /api/v1/ikuboss/trainings/{id}': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.trainingId) },
    idParams: ['id'],
  },
  'POST /api/v1/ikuboss/trainings/{id}/attendees': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.trainingId) },
    idParams: ['id'],
    body: () => ({ employeeNumbers: ['E-none'] }),
  },
  'DELETE /api/v1/ikuboss/trainings/{id}/attendees/{employeeNumber}': {
    access: P.manageIkubossProgrammes,
    params: {
      id: otherOnly((o) => o.trainingId),
      employeeNumber: (f, org) => f[org].employeeNumber,
    },
    idParams: ['id'],
  },
  'POST /api/v1/ikuboss/trainings/{id}/attendance-import': {
    access: P.manageIkubossProgrammes,
    // Multipart: without a file it answers 400 before any lookup, so no cross-organization call.
    params: { id: absent },
  },
  'GET /api/v1/ikuboss/practice-goals/mine': {
    access: P.setIkubossPracticeGoal,
    query: 'fy=2025',
  },
  'PUT /api/v1/ikuboss/practice-goals/mine': {
    access: P.setIkubossPracticeGoal,
  },
  'GET /api/v1/ikuboss/practice-goals': {
    access: P.manageIkubossProgrammes,
    query: 'fy=2025',
  },
  'GET /api/v1/ikuboss/practice-goals/export': {
    access: P.manageIkubossProgrammes,
    query: 'fy=2025',
  },
  'PUT /api/v1/ikuboss/practice-goals/{id}/rating': {
    access: P.manageIkubossProgrammes,
    params: { id: absent },
    idParams: ['id'],
    body: () => ({ rating: PRACTICE_GOAL_RATINGS[0] }),
  },
  'GET /api/v1/ikuboss/nominations': { access: 'authenticated' },
  'POST /api/v1/ikuboss/nominations': { access: P.nominateIkuboss },
  'POST /api/v1/ikuboss/nominations/{id}/award': {
    access: P.grantIkubossAwards,
    params: { id: absent },
    idParams: ['id'],
    body: () => ({ awardName: 'x', fiscalYear: 2025 }),
  },
  'PUT /api/v1/ikuboss/nominations/{id}/consent': {
    access: 'authenticated',
    params: { id: absent },
    idParams: ['id'],
    body: () => ({ consent: true }),
  },
  'GET /api/v1/public/organizations/{code}/awards': {
    access: 'public',
    params: { code: (f) => f.own.tenant.code },
  },
  'GET /api/v1/ikuboss/firms': { access: P.manageIkubossProgrammes },
  'POST /api/v1/ikuboss/firms': { access: P.manageIkubossProgrammes },
  'GET /api/v1/ikuboss/firms/{id}': {
    access: P.manageIkubossProgrammes,
    params: { id: (f, org) => f[org].firmId },
    idParams: ['id'],
  },
  'PUT /api/v1/ikuboss/firms/{id}': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.firmId) },
    idParams: ['id'],
    body: () => ({
      name: 'x',
      industry: 'x',
      sizeBand: LOCAL_FIRM_SIZE_BANDS[0],
    }),
  },
  'DELETE /api/v1/ikuboss/firms/{id}': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.firmId) },
    idParams: ['id'],
  },
  'POST /api/v1/ikuboss/firms/{id}/declarations': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.firmId) },
    idParams: ['id'],
    body: () => ({ declaredOn: '2025-06-01' }),
  },
  'DELETE /api/v1/ikuboss/firms/{id}/declarations/{declarationId}': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.firmId), declarationId: absent },
    idParams: ['id'],
  },
  'POST /api/v1/ikuboss/firms/{id}/seminars': {
    access: P.manageIkubossProgrammes,
    params: { id: otherOnly((o) => o.firmId) },
    idParams: ['id'],
    body: () => ({ seminarName: 'x', attendedOn: '2025-06-01' }),
  },
  // Committee review (api/src/app/committee)
  'GET /api/v1/committee/reviews': { access: P.readCommitteeReview },
  'POST /api/v1/committee/reviews': { access: P.prepareCommitteeReview },
  'GET /api/v1/committee/reviews/{id}': {
    access: P.readCommitteeReview,
    params: { id: (f, org) => f[org].reviewId },
    idParams: ['id'],
  },
  'POST /api/v1/committee/reviews/{id}/comments': {
    access: P.commentCommitteeReview,
    params: { id: otherOnly((o) => o.reviewId) },
    idParams: ['id'],
    body: () => ({ itemKey: 'general', body: 'x' }),
  },
  'PUT /api/v1/committee/reviews/{id}/published-items': {
    access: P.prepareCommitteeReview,
    params: { id: otherOnly((o) => o.reviewId) },
    idParams: ['id'],
    body: () => ({ codes: [] }),
  },
  // Signing also needs the chair flag (no test account has it): the own call targets no record.
  'POST /api/v1/committee/reviews/{id}/sign': {
    access: P.signCommitteeReview,
    params: { id: otherOnly((o) => o.reviewId) },
    idParams: ['id'],
  },
  'POST /api/v1/committee/reviews/{id}/publish': {
    access: P.publishCommitteeReview,
    params: { id: otherOnly((o) => o.reviewId) },
    idParams: ['id'],
  },
  'POST /api/v1/committee/reviews/{id}/reopen': {
    access: P.prepareCommitteeReview,
    params: { id: otherOnly((o) => o.reviewId) },
    idParams: ['id'],
  },
  // Reports (api/src/app/reports)
  'POST /api/v1/reports/jobs': { access: P.exportReports },
  'GET /api/v1/reports/jobs/{id}': {
    access: P.exportReports,
    params: { id: absent },
    idParams: ['id'],
  },
  'GET /api/v1/reports/jobs/{id}/file': {
    access: P.exportReports,
    params: { id: absent },
    idParams: ['id'],
  },
  'GET /api/v1/reports/reviews/{id}/mieruka.csv': {
    access: P.exportReports,
    params: { id: (f, org) => f[org].reviewId },
    idParams: ['id'],
  },
  'GET /api/v1/reports/kpis/{code}': {
    access: P.readKpiFigures,
    params: { code: () => 'female_staff_ratio' },
    query: 'fy=2025',
  },
  // Public disclosure (api/src/app/public): {code} is the caller's own organization.
  'GET /api/v1/public/organizations/{code}': {
    access: 'public',
    params: { code: (f) => f.own.tenant.code },
  },
  'GET /api/v1/public/organizations/{code}/tables.xlsx': {
    access: 'public',
    params: { code: (f) => f.own.tenant.code },
  },
  'GET /api/v1/public/organizations/{code}/targets.csv': {
    access: 'public',
    params: { code: (f) => f.own.tenant.code },
  },
  // Account management (api/src/app/accounts): writes reach a record only across organizations.
  'GET /api/v1/accounts': { access: P.manageNonAdminAccounts },
  'POST /api/v1/accounts': { access: P.manageNonAdminAccounts },
  'GET /api/v1/accounts/employees': {
    access: P.manageNonAdminAccounts,
    query: 'q=E-',
  },
  'PUT /api/v1/accounts/{id}': {
    access: P.manageNonAdminAccounts,
    params: { id: otherOnly((o) => o.accountId) },
    idParams: ['id'],
    body: () => ({ displayName: 'x', role: 'staff', isCommitteeChair: false }),
  },
  'DELETE /api/v1/accounts/{id}': {
    access: P.manageNonAdminAccounts,
    params: { id: otherOnly((o) => o.accountId) },
    idParams: ['id'],
  },
  'POST /api/v1/accounts/{id}/password': {
    access: P.manageNonAdminAccounts,
    params: { id: otherOnly((o) => o.accountId) },
    idParams: ['id'],
    body: () => ({ password: 'Matrix-Password-1' }),
  },
  'POST /api/v1/accounts/{id}/unlock': {
    access: P.manageNonAdminAccounts,
    params: { id: otherOnly((o) => o.accountId) },
    idParams: ['id'],
  },
  'PUT /api/v1/accounts/{id}/employee': {
    access: P.manageNonAdminAccounts,
    params: { id: otherOnly((o) => o.accountId) },
    idParams: ['id'],
    body: (f) => ({ employeeNumber: f.other.employeeNumber }),
  },
  'DELETE /api/v1/accounts/{id}/employee': {
    access: P.manageNonAdminAccounts,
    params: { id: otherOnly((o) => o.accountId) },
    idParams: ['id'],
  },
  // 360 / 多面評価: unknown ids (404 when allowed). An answer and a questionnaire are refused at
  // validation (400) before any lookup, so they get no cross-organization call; every cycle lookup
  // is scoped by organization_id (reviews360.sql.ts), and reviews360-anonymity.spec.ts checks
  // that a rater who is not assigned gets 403.
  'GET /api/v1/reviews360/my/tasks': { access: 'authenticated' },
  'POST /api/v1/reviews360/cycles/{cycleId}/answers/{assignmentId}': {
    access: 'authenticated',
    params: { cycleId: absent, assignmentId: absent },
  },
  'GET /api/v1/reviews360/cycles/{cycleId}/questionnaire': {
    access: 'authenticated',
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'GET /api/v1/reviews360/my/reports': { access: 'authenticated' },
  'GET /api/v1/reviews360/my/reports/{cycleId}': {
    access: 'authenticated',
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'GET /api/v1/reviews360/cycles': { access: P.manageReviews360 },
  'GET /api/v1/reviews360/item-bank': { access: P.manageReviews360 },
  'POST /api/v1/reviews360/cycles': { access: P.manageReviews360 },
  'GET /api/v1/reviews360/cycles/{cycleId}': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'PUT /api/v1/reviews360/cycles/{cycleId}/thresholds': {
    body: () => ({
      subordinateScores: 3,
      subordinateComments: 5,
      peerScores: 3,
      peerComments: 5,
    }),
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'PUT /api/v1/reviews360/cycles/{cycleId}/questionnaire': {
    access: P.manageReviews360,
    params: { cycleId: absent },
  },
  'POST /api/v1/reviews360/cycles/{cycleId}/assignments/generate': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'GET /api/v1/reviews360/cycles/{cycleId}/assignments': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'POST /api/v1/reviews360/cycles/{cycleId}/assignments': {
    body: () => ({
      rateeNumber: 'NOSUCH-1',
      raterNumber: 'NOSUCH-2',
      relationship: 'subordinate',
    }),
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'DELETE /api/v1/reviews360/cycles/{cycleId}/assignments/{assignmentId}': {
    access: P.manageReviews360,
    params: { cycleId: absent, assignmentId: absent },
    idParams: ['cycleId', 'assignmentId'],
  },
  'POST /api/v1/reviews360/cycles/{cycleId}/launch': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'POST /api/v1/reviews360/cycles/{cycleId}/close': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'POST /api/v1/reviews360/cycles/{cycleId}/release': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'GET /api/v1/reviews360/cycles/{cycleId}/overview': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
  'GET /api/v1/reviews360/cycles/{cycleId}/reports/{employeeNumber}': {
    access: P.manageReviews360,
    params: { cycleId: absent, employeeNumber: () => 'NOSUCH-0001' },
    idParams: ['cycleId'],
  },
  'GET /api/v1/reviews360/cycles/{cycleId}/export': {
    access: P.manageReviews360,
    params: { cycleId: absent },
    idParams: ['cycleId'],
  },
};

const ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'details']);

function allowed(entry: Entry, role: Role | null): boolean {
  if (entry.access === 'public') return true;
  if (role === null) return false;
  return entry.access === 'authenticated' || hasPermission(role, entry.access);
}

function pathFor(
  route: string,
  entry: Entry,
  fixtures: Fixtures,
  org: 'own' | 'other',
): string {
  const [, template] = route.split(' ') as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const fill = entry.params?.[name];
    if (!fill)
      throw new Error(`${route}: no fixture for path parameter {${name}}`);
    return encodeURIComponent(fill(fixtures, org));
  });
  return entry.query ? `${path}?${entry.query}` : path;
}

/** The body as text, xlsx included (unzipped and read), for leak checks. */
async function bodyText(response: ApiResponse<unknown>): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml'))
    return JSON.stringify(await readRows(response.body as Buffer));
  if (Buffer.isBuffer(response.body)) return response.body.toString('utf8');
  return JSON.stringify(response.body);
}

async function call(
  client: ApiClient,
  route: string,
  entry: Entry,
  fixtures: Fixtures,
  org: 'own' | 'other',
) {
  const method = route.split(' ')[0]!;
  const body = method === 'GET' ? undefined : (entry.body?.(fixtures) ?? {});
  return client.request<unknown>(
    method,
    pathFor(route, entry, fixtures, org),
    body,
  );
}

const targetBody = (planId: string, action: string) => ({
  planId,
  kpiCode: 'female_manager_ratio',
  orgUnitCode: null,
  targetValue: 40,
  targetFiscalYear: 2028,
  direction: 'gte',
  baselineValue: 20,
  baselineFiscalYear: 2024,
  actions: [action],
});

async function seedOrganization(prefix: string): Promise<OrgFixture> {
  const tenant = await createTenant(prefix);
  const hr = await tenant.login('hr');
  const secret = `${prefix}${tenant.code.slice(-8)}`;
  const unitCode = `U-${secret}`;
  const unitName = `秘密課${secret}`;
  const personName = `漏洩 ${secret}`;
  const planName = `計画${secret}`;
  const units = await hr.import(
    'units',
    await workbook('所属', UNIT_HEADER, [[unitCode, unitName, null, 'はい']]),
  );
  expect((units.body as ImportJobDto).status).toBe('succeeded');
  const roster = await hr.import(
    'roster',
    await workbook('職員', ROSTER_HEADER, [
      [
        `E-${secret}`,
        personName,
        '女性',
        unitCode,
        '一般',
        '任期の定めのない常勤',
        '2010-04-01',
        null,
        null,
        null,
        null,
      ],
      [
        `F-${secret}`,
        `別人 ${secret}`,
        '男性',
        unitCode,
        '課長級',
        '任期の定めのない常勤',
        '2000-04-01',
        null,
        null,
        null,
        null,
      ],
      // One employee per further account: an employee is linked to at most one account.
      ...(['A', 'H', 'C'] as const).map((letter) => [
        `${letter}-${secret}`,
        `職員${letter} ${secret}`,
        '女性',
        unitCode,
        '一般',
        '任期の定めのない常勤',
        '2012-04-01',
        null,
        null,
        null,
        null,
      ]),
    ]),
    { asOf: '2025-04-01' },
  );
  const job = roster.body as ImportJobDto;
  expect(job.status).toBe('succeeded');
  const plan = await hr.post<PlanDto>('/api/v1/plans', {
    name: planName,
    startFiscalYear: 2024,
    endFiscalYear: 2028,
    legalBasis: 'both',
  });
  expect(plan.status).toBe(201);
  const target = await hr.post<TargetDto>(
    '/api/v1/targets',
    targetBody(plan.body.id, `施策${secret}`),
  );
  expect(target.status).toBe(201);
  // Accounts act as employees (declarations and nudges refuse an unlinked account): the manager
  // account is the 課長級 employee, every other account a 一般 one of its own.
  for (const [number, roles] of [
    [`F-${secret}`, ['manager']],
    [`E-${secret}`, ['staff']],
    [`A-${secret}`, ['admin']],
    [`H-${secret}`, ['hr']],
    [`C-${secret}`, ['committee']],
  ] as const)
    await testDatabase().query(
      `UPDATE account SET employee_id =
         (SELECT id FROM employee WHERE organization_id = $1 AND employee_number = $2)
        WHERE organization_id = $1 AND role = ANY($3)`,
      [tenant.organizationId, number, roles],
    );
  const firm = await hr.post<{ id: string }>('/api/v1/ikuboss/firms', {
    name: `企業${secret}`,
    industry: '製造業',
    sizeBand: LOCAL_FIRM_SIZE_BANDS[0],
  });
  expect(firm.status).toBe(201);
  const training = await hr.post<{ id: string }>('/api/v1/ikuboss/trainings', {
    kind: 'ikuboss',
    heldOn: '2025-07-10',
  });
  expect(training.status).toBe(201);
  const attendance = await hr.post(
    `/api/v1/ikuboss/trainings/${training.body.id}/attendees`,
    { employeeNumbers: [`F-${secret}`] },
  );
  expect(attendance.status).toBeLessThan(300);
  const [staffAccount] = (
    await testDatabase().query<{ id: string }>(
      `SELECT id FROM account WHERE organization_id = $1 AND role = 'staff'`,
      [tenant.organizationId],
    )
  ).rows;
  const review = await hr.post<{ id: string }>('/api/v1/committee/reviews', {
    fiscalYear: 2025,
  });
  expect(review.status).toBe(201);
  return {
    tenant,
    targetId: target.body.id,
    planId: plan.body.id,
    importJobId: job.id,
    firmId: firm.body.id,
    reviewId: review.body.id,
    trainingId: training.body.id,
    accountId: staffAccount!.id,
    employeeNumber: `F-${secret}`,
    markers: [
      secret,
      unitCode,
      plan.body.id,
      target.body.id,
      job.id,
      firm.body.id,
      review.body.id,
      training.body.id,
    ],
  };
}

describe('authorization matrix: every endpoint × every role × own/other organization', () => {
  let routes: string[];
  let fixtures: Fixtures;
  let sessionTenant: Tenant;
  const clients = {} as Record<Role, ApiClient>;
  let checked = 0;

  beforeAll(async () => {
    const openApi = await new ApiClient().get<{
      paths: Record<string, Record<string, unknown>>;
    }>('/api/docs-json');
    expect(openApi.status).toBe(200);
    routes = Object.entries(openApi.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} ${path}`,
      ),
    );
    const [own, other] = [
      await seedOrganization('mxa'),
      await seedOrganization('mxb'),
    ];
    fixtures = { own, other };
    sessionTenant = await createTenant('mxs');
    for (const role of ROLES) clients[role] = await own.tenant.login(role);
  });
  afterAll(async () => {
    console.log(
      `authorization matrix: ${routes.length} endpoints, ${checked} calls checked`,
    );
    await closeTestDatabase();
  });

  it('every endpoint the API serves has an entry, and every entry an endpoint', () => {
    const missing = routes.filter((route) => !(route in MATRIX));
    const stale = Object.keys(MATRIX).filter(
      (route) => !routes.includes(route),
    );
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(routes.length).toBeGreaterThan(20);
  });

  it('a caller without a session gets 401 everywhere except on public endpoints', async () => {
    const anonymous = new ApiClient();
    for (const route of routes) {
      const entry = MATRIX[route];
      if (!entry) continue;
      const response = await call(anonymous, route, entry, fixtures, 'own');
      checked++;
      if (entry.access === 'public')
        expect([route, response.status]).not.toEqual([route, 401]);
      else {
        expect([route, response.status]).toEqual([route, 401]);
        expect(
          Object.keys(response.body as object).every((key) =>
            ERROR_KEYS.has(key),
          ),
        ).toBe(true);
      }
    }
  });

  it.each([...ROLES])(
    'role %s is allowed exactly what its permissions say, on every endpoint',
    async (role) => {
      for (const route of routes) {
        const entry = MATRIX[route];
        if (!entry) continue;
        const client = entry.endsSession
          ? await sessionTenant.login(role)
          : clients[role];
        const response = await call(client, route, entry, fixtures, 'own');
        checked++;
        const outcome = `${route} as ${role} → ${response.status}`;
        if (allowed(entry, role)) {
          expect({
            outcome,
            denied: [401, 403].includes(response.status),
          }).toEqual({ outcome, denied: false });
          expect({ outcome, serverError: response.status >= 500 }).toEqual({
            outcome,
            serverError: false,
          });
        } else {
          expect({ outcome, status: response.status }).toEqual({
            outcome,
            status: 403,
          });
          const body = response.body as Record<string, unknown>;
          expect(body['code']).toBe('FORBIDDEN');
          expect(Object.keys(body).every((key) => ERROR_KEYS.has(key))).toBe(
            true,
          );
        }
      }
    },
  );

  it("no answer to any role carries another organization's data", async () => {
    const otherMarkers = fixtures.other.markers;
    for (const route of routes) {
      const entry = MATRIX[route];
      if (!entry || entry.endsSession || !route.startsWith('GET ')) continue;
      for (const role of ROLES) {
        if (!allowed(entry, role)) continue;
        {
          const own = await call(clients[role], route, entry, fixtures, 'own');
          checked++;
          const text = await bodyText(own);
          for (const marker of otherMarkers)
            expect({
              route,
              role,
              leaked: text.includes(marker) ? marker : null,
            }).toEqual({ route, role, leaked: null });
        }
      }
    }
  });

  // After the leak check: the audit log of the caller's organization rightly records these attempts.
  it("no endpoint reaches another organization's records by id", async () => {
    const reviewState = () =>
      testDatabase().query(
        `SELECT status, version, published_items FROM committee_review WHERE organization_id = $1`,
        [fixtures.other.tenant.organizationId],
      );
    const reviewsBefore = (await reviewState()).rows;
    const otherMarkers = fixtures.other.markers;
    for (const route of routes) {
      const entry = MATRIX[route];
      if (!entry?.idParams?.length) continue;
      for (const role of ROLES) {
        if (!allowed(entry, role)) continue;
        {
          const response = await call(
            clients[role],
            route,
            entry,
            fixtures,
            'other',
          );
          checked++;
          expect({
            route,
            role,
            status: [403, 404].includes(response.status),
          }).toEqual({ route, role, status: true });
          const text = await bodyText(response);
          for (const marker of otherMarkers.slice(0, 2))
            expect({ route, role, leaked: text.includes(marker) }).toEqual({
              route,
              role,
              leaked: false,
            });
        }
      }
    }
    // The other organization's records are intact after every attempt on them.
    const { rows } = await testDatabase().query(
      `SELECT count(*) AS n FROM target WHERE id = $1 AND organization_id = $2`,
      [fixtures.other.targetId, fixtures.other.tenant.organizationId],
    );
    expect(rows[0].n).toBe(1);
    const other = fixtures.other;
    const { rows: firmAndReview } = await testDatabase().query(
      `SELECT (SELECT count(*) FROM local_firm WHERE id = $1 AND organization_id = $3 AND name LIKE '企業%') AS firms,
              (SELECT count(*) FROM local_firm_declaration WHERE organization_id = $3) AS "firmDeclarations",
              (SELECT count(*) FROM local_firm_seminar WHERE organization_id = $3) AS seminars,
              (SELECT count(*) FROM committee_review WHERE id = $2 AND organization_id = $3 AND status = 'draft') AS reviews,
              (SELECT count(*) FROM committee_comment WHERE organization_id = $3) AS comments,
              (SELECT count(*) FROM ikuboss_training_attendance WHERE training_id = $4 AND organization_id = $3) AS attendees`,
      [
        other.firmId,
        other.reviewId,
        other.tenant.organizationId,
        other.trainingId,
      ],
    );
    expect(firmAndReview[0]).toEqual({
      firms: 1,
      firmDeclarations: 0,
      seminars: 0,
      reviews: 1,
      comments: 0,
      attendees: 1,
    });
    expect((await reviewState()).rows).toEqual(reviewsBefore);
  });

  it('own-organization person-level reads return the own data (the leak check is not vacuous)', async () => {
    const response = await clients.hr.get(
      '/api/v1/kpis/female_staff_ratio/people?fy=2025',
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain(fixtures.own.markers[0]);
    const roster = await clients.hr.get(
      '/api/v1/roster/export?asOf=2025-04-01',
    );
    expect(await bodyText(roster)).toContain(fixtures.own.markers[0]);
  });
});
