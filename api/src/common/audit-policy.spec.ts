import { PERMISSIONS } from '@ikuboard/shared/contracts';

import type { AuthContext } from './access.decorator';
import {
  auditRecordFor,
  isAnonymousRoute,
  type AuditedRequest,
} from './audit-policy';

const rater: AuthContext = {
  accountId: 'acc-1',
  organizationId: 'org-1',
  role: 'staff',
  employeeId: 'emp-1',
  tokenHash: 'hash',
};

function request(overrides: Partial<AuditedRequest>): AuditedRequest {
  return {
    method: 'GET',
    route: '/api/v1/kpis',
    params: {},
    query: {},
    ip: '192.0.2.7',
    userAgent: 'Mozilla/5.0',
    auth: rater,
    rule: { kind: 'permission', permission: PERMISSIONS.readKpiFigures },
    explicitRead: false,
    ...overrides,
  };
}

describe('audit policy', () => {
  it('keeps writes, person-level reads and refusals; skips aggregate reads', () => {
    expect(auditRecordFor(request({}), 200)).toBeNull();
    expect(
      auditRecordFor(request({ method: 'POST', route: '/api/v1/plans' }), 201)
        ?.action,
    ).toBe('write');
    expect(
      auditRecordFor(
        request({
          rule: { kind: 'permission', permission: PERMISSIONS.readPersonData },
        }),
        200,
      )?.action,
    ).toBe('read');
    expect(auditRecordFor(request({ explicitRead: true }), 200)?.action).toBe(
      'read',
    );
    expect(auditRecordFor(request({}), 403)?.action).toBe('denied');
    expect(auditRecordFor(request({ auth: null }), 401)).toBeNull();
  });

  it('keeps ids from the route and the query, never secrets, and bounds their size', () => {
    const record = auditRecordFor(
      request({
        method: 'PUT',
        route: '/api/v1/targets/:id',
        params: { id: 't-1' },
        query: {
          fy: '2025',
          token: 'abc',
          password: 'x',
          unit: 'u'.repeat(500),
          category: ['a', 'b'],
        },
      }),
      200,
    );
    expect(record?.resourceIds).toEqual({
      id: 't-1',
      fy: '2025',
      unit: 'u'.repeat(120),
      category: 'a,b',
    });
  });

  it.each([
    '/api/v1/reviews360/:id/responses',
    '/api/v1/reviews360/:reviewId/raters/:raterId/response',
    '/api/v1/reviews-360/:id/answers',
    '/api/v1/360-reviews/:id/submit',
    '/api/v1/review360/:id/submissions',
  ])('%s is a 360 submission route', (route) => {
    expect(isAnonymousRoute(route)).toBe(true);
  });

  it.each(['/api/v1/reviews360/:id/report', '/api/v1/plans', '/api/v1/kpis'])(
    '%s is not',
    (route) => {
      expect(isAnonymousRoute(route)).toBe(false);
    },
  );

  it('a 360 submission keeps only that it happened: no account, role, address, client or ids', () => {
    for (const status of [201, 400, 403]) {
      const record = auditRecordFor(
        request({
          method: 'POST',
          route: '/api/v1/reviews360/:id/responses',
          params: { id: 'review-9' },
          query: { rater: 'acc-1' },
        }),
        status,
      );
      expect(record).toEqual({
        organizationId: 'org-1',
        accountId: null,
        role: null,
        action: 'anonymous_submission',
        method: 'POST',
        route: '/api/v1/reviews360/:id/responses',
        resourceIds: {},
        status,
        ip: null,
        userAgent: null,
        dayOnly: true,
      });
    }
  });
});
