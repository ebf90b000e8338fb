import type {
  ApiErrorDto,
  ImportJobDto,
  ImportKind,
  SessionDto,
} from '@ikuboard/shared/contracts';

import { serverState } from './server-state';

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A logged-in (or anonymous) HTTP client with the session cookie and the CSRF header. */
export class ApiClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl = serverState().baseUrl) {}

  static async login(username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient();
    const response = await client.post<SessionDto>('/api/v1/auth/login', {
      username,
      password,
    });
    if (response.status !== 200)
      throw new Error(
        `login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return client;
  }

  async request<T>(
    method: string,
    path: string,
    body?: BodyInit | object,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.csrfToken && method !== 'GET')
      headers['x-csrf-token'] = this.csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: payload,
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const match = /ikb_session=([^;]*)/.exec(setCookie);
      if (match) this.cookie = match[1] ? `ikb_session=${match[1]}` : null;
    }
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json')
      ? await response.json()
      : Buffer.from(await response.arrayBuffer());
    if (path === '/api/v1/auth/login' && response.status === 200)
      this.csrfToken = (parsed as SessionDto).csrfToken;
    return {
      status: response.status,
      body: parsed as T,
      headers: response.headers,
    };
  }

  get<T>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: BodyInit | object): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  /** Uploads a file for import and waits for the job to finish. */
  async import(
    kind: ImportKind,
    file: Buffer,
    options: {
      fileName?: string;
      asOf?: string;
      dryRun?: boolean;
      partial?: boolean;
    } = {},
  ): Promise<ApiResponse<ImportJobDto | ApiErrorDto>> {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(file)]),
      options.fileName ?? `${kind}.xlsx`,
    );
    form.append('dryRun', String(options.dryRun ?? false));
    if (options.asOf) form.append('asOf', options.asOf);
    if (options.partial) form.append('partial', 'true');
    const started = await this.post<ImportJobDto | ApiErrorDto>(
      `/api/v1/imports/${kind}`,
      form,
    );
    if (started.status !== 202) return started;
    let job = started.body as ImportJobDto;
    const deadline = Date.now() + 120_000;
    while (job.status === 'running') {
      if (Date.now() > deadline)
        throw new Error(`import ${job.id} did not finish`);
      // a long poll: answered when the job finishes, or after 10 s with its progress
      job = (
        await this.get<ImportJobDto>(`/api/v1/imports/${job.id}?wait=10000`)
      ).body;
    }
    return { ...started, body: job };
  }
}
