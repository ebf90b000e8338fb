/**
 * Authentication and transport controls, checked from the outside: password hashing and policy,
 * session cookies and their storage, CSRF, logout everywhere, security headers, closed CORS, and
 * errors that reveal nothing of the server's internals.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';

import type { ApiErrorDto } from '@ikuboard/shared/contracts';

import { passwordProblems } from '../../api/src/app/auth/password';
import { closeTestDatabase, testDatabase } from '../support/database';
import { serverState } from '../support/server-state';
import { createTenant, type Tenant } from '../support/tenant';

const root = join(__dirname, '..', '..');

function bilingual(body: unknown): boolean {
  const error = body as ApiErrorDto;
  return (
    /[ぁ-んァ-ン一-龥]/.test(error.message?.ja ?? '') &&
    /[A-Za-z]/.test(error.message?.en ?? '')
  );
}

describe('security controls', () => {
  let city: Tenant;
  const base = serverState().baseUrl;

  beforeAll(async () => {
    city = await createTenant('sec');
  });
  afterAll(closeTestDatabase);

  it('passwords are stored as argon2id hashes at or above the OWASP minimum', async () => {
    const { rows } = await testDatabase().query<{ password_hash: string }>(
      `SELECT password_hash FROM account WHERE organization_id = $1`,
      [city.organizationId],
    );
    expect(rows).toHaveLength(5);
    for (const { password_hash: hash } of rows) {
      const match = /^\$argon2id\$v=19\$([a-z=0-9,]+)\$/.exec(hash);
      expect(match).not.toBeNull();
      const params = Object.fromEntries(
        match![1]!.split(',').map((pair) => pair.split('=')),
      ) as Record<string, string>;
      expect(Number(params['m'])).toBeGreaterThanOrEqual(19_456);
      expect(Number(params['t'])).toBeGreaterThanOrEqual(2);
      expect(hash).not.toContain(city.password);
    }
  });

  it('the password policy refuses weak passwords, in Japanese and English', () => {
    const problems = (password: string) => passwordProblems(password, 'admin');
    expect(problems('Str0ng-and-long!')).toEqual([]);
    for (const weak of [
      'Sh0rt!',
      'alllowercaseletters',
      'my-Admin-password-1',
      'a'.repeat(300),
    ]) {
      const found = problems(weak);
      expect({ weak, refused: found.length > 0 }).toEqual({
        weak,
        refused: true,
      });
      for (const problem of found)
        expect(bilingual({ message: problem })).toBe(true);
    }
  });

  it('create-admin applies the policy', () => {
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'dist/api/main.js'),
        'create-admin',
        '--org-code',
        city.code,
        '--username',
        'admin',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: serverState().databaseUrl,
          IKUBOARD_MODE: 'production',
          IKUBOARD_ADMIN_PASSWORD: 'alllowercaseletters',
          LOG_LEVEL: 'error',
        },
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(result.stderr).toMatch(/password/i);
  });

  it('failed logins are limited per client address (password spraying), on top of the account lockout', async () => {
    // One connection per request (node:http, no keep-alive): thirty sequential logins on a busy
    // machine otherwise meet a keep-alive socket the server has just closed.
    const login = (address: string, username: string, password: string) =>
      new Promise<{
        status: number;
        retryAfter: string | undefined;
        body: string;
      }>((resolve, reject) => {
        const payload = JSON.stringify({ username, password });
        const request = httpRequest(
          `${base}/api/v1/auth/login`,
          {
            method: 'POST',
            agent: false,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
              // The API trusts X-Forwarded-For from loopback only (its reverse proxy).
              'x-forwarded-for': address,
            },
          },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                retryAfter: response.headers['retry-after'] as
                  | string
                  | undefined,
                body,
              }),
            );
          },
        );
        request.on('error', reject);
        request.end(payload);
      });
    const sprayer = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    for (let attempt = 1; attempt <= 30; attempt++) {
      const response = await login(sprayer, `nobody-${attempt}`, 'Winter2026!');
      expect([attempt, response.status]).toEqual([attempt, 401]);
    }
    const limited = await login(sprayer, city.usernames.manager, city.password);
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toMatch(/^\d+$/);
    const body = JSON.parse(limited.body) as ApiErrorDto;
    expect(body.code).toBe('LOGIN_RATE_LIMITED');
    expect(bilingual(body)).toBe(true);
    expect(
      (await login('198.51.100.7', city.usernames.manager, city.password))
        .status,
    ).toBe(200);
  });

  it('the session cookie is HttpOnly, SameSite=Strict, host-only, and only its hash is stored', async () => {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: city.usernames.staff,
        password: city.password,
      }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ikb_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/Domain=/i);
    const token = /ikb_session=([^;]+)/.exec(cookie)![1]!;
    const { rows } = await testDatabase().query<{ token_hash: string }>(
      `SELECT token_hash FROM session s JOIN account a ON a.id = s.account_id WHERE a.username = $1`,
      [city.usernames.staff],
    );
    const hashes = rows.map((row) => row.token_hash);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
    expect(hashes).not.toContain(token);
    const session = (await response.json()) as { csrfToken: string };
    expect(cookie).not.toContain(session.csrfToken);
  });

  it('every write needs the CSRF token of its own session', async () => {
    const hr = await city.login('hr');
    const other = await city.login('admin');
    const own = hr.csrfToken;
    for (const [method, path] of [
      ['POST', '/api/v1/plans'],
      ['PUT', '/api/v1/aggregate-figures'],
      ['DELETE', '/api/v1/targets/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/v1/auth/logout-everywhere'],
    ] as const) {
      hr.csrfToken = null;
      const missing = await hr.request<ApiErrorDto>(method, path, {});
      hr.csrfToken = other.csrfToken;
      const foreign = await hr.request<ApiErrorDto>(method, path, {});
      hr.csrfToken = own;
      for (const response of [missing, foreign]) {
        expect([path, response.status, response.body.code]).toEqual([
          path,
          403,
          'CSRF_TOKEN_INVALID',
        ]);
      }
    }
    expect((await hr.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('logout everywhere ends every session of the account, and only of that account', async () => {
    const laptop = await city.login('manager');
    const phone = await city.login('manager');
    const colleague = await city.login('committee');
    expect((await phone.get('/api/v1/auth/session')).status).toBe(200);
    expect((await laptop.post('/api/v1/auth/logout-everywhere')).status).toBe(
      204,
    );
    expect((await laptop.get('/api/v1/auth/session')).status).toBe(401);
    expect((await phone.get('/api/v1/auth/session')).status).toBe(401);
    expect((await colleague.get('/api/v1/auth/session')).status).toBe(200);
  });

  it.each(['/api/v1/health', '/api/v1/kpis?fy=2025', '/api/v1/nothing-here'])(
    'security headers are set on %s',
    async (path) => {
      const response = await fetch(base + path);
      const header = (name: string) => response.headers.get(name) ?? '';
      expect(header('content-security-policy')).toMatch(/default-src 'self'/);
      expect(header('content-security-policy')).toMatch(
        /frame-ancestors 'none'/,
      );
      expect(header('content-security-policy')).toMatch(/object-src 'none'/);
      expect(header('x-content-type-options')).toBe('nosniff');
      expect(header('x-frame-options')).toBe('SAMEORIGIN');
      expect(header('referrer-policy')).toBe('no-referrer');
      expect(header('cross-origin-opener-policy')).toBe('same-origin');
      expect(header('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.has('x-powered-by')).toBe(false);
    },
  );

  it('CORS is closed: a foreign origin gets no Access-Control-Allow-Origin, even on preflight', async () => {
    const origin = 'https://evil.example';
    const simple = await fetch(`${base}/api/v1/health`, {
      headers: { origin },
    });
    const preflight = await fetch(`${base}/api/v1/plans`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-csrf-token',
      },
    });
    for (const response of [simple, preflight]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(
        response.headers.get('access-control-allow-credentials'),
      ).toBeNull();
    }
  });

  it('errors reveal nothing of the internals and are bilingual', async () => {
    const hr = await city.login('hr');
    const notFound = await hr.get<ApiErrorDto>(
      '/api/v1/imports/..%2F..%2Fetc%2Fpasswd',
    );
    const malformed = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "a", "password": ',
    });
    const huge = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }),
    });
    const extra = await hr.post<ApiErrorDto>('/api/v1/plans', {
      name: 'x',
      startFiscalYear: 2025,
      endFiscalYear: 2026,
      legalBasis: 'both',
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    const bodies = [
      { status: notFound.status, body: notFound.body },
      { status: malformed.status, body: await malformed.json() },
      { status: huge.status, body: await huge.json() },
      { status: extra.status, body: extra.body },
    ];
    expect(bodies.map((b) => b.status)).toEqual([404, 400, 413, 400]);
    for (const { body } of bodies) {
      expect(bilingual(body)).toBe(true);
      expect(JSON.stringify(body)).not.toMatch(
        /at \w+ \(|node_modules|\/work\/|SyntaxError|stack/,
      );
    }
  });
});
