// A logged-in HTTP client (session cookie + CSRF header), keep-alive like a browser.
import { Agent } from 'node:http';

export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = null;
    this.csrf = null;
    this.agent = new Agent({ keepAlive: true, maxSockets: 6 });
  }

  static async login(baseUrl, username, password) {
    const client = new Client(baseUrl);
    const response = await client.request('POST', '/api/v1/auth/login', {
      username,
      password,
    });
    if (response.status !== 200)
      throw new Error(
        `login failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    client.csrf = response.body.csrfToken;
    return client;
  }

  async request(method, path, body) {
    const headers = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload;
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
      if (match) this.cookie = `ikb_session=${match[1]}`;
    }
    const text = await response.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, bytes: text.length };
  }

  async get(path) {
    const response = await this.request('GET', path);
    if (response.status !== 200)
      throw new Error(
        `GET ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    return response;
  }

  /** Uploads an import and polls until it is done; returns the job. */
  async importFile(
    kind,
    file,
    {
      fileName = `${kind}.xlsx`,
      asOf,
      waitMs = 10_000,
      timeoutMs = 600_000,
    } = {},
  ) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), fileName);
    form.append('dryRun', 'false');
    if (asOf) form.append('asOf', asOf);
    const started = await this.request('POST', `/api/v1/imports/${kind}`, form);
    if (started.status !== 202)
      throw new Error(
        `import ${kind}: ${started.status} ${JSON.stringify(started.body).slice(0, 500)}`,
      );
    let job = started.body;
    const deadline = Date.now() + timeoutMs;
    while (job.status === 'queued' || job.status === 'running') {
      if (Date.now() > deadline)
        throw new Error(`import ${kind} did not finish`);
      // a long poll: answered the moment the job finishes (or after waitMs with its progress)
      job = (await this.get(`/api/v1/imports/${job.id}?wait=${waitMs}`)).body;
    }
    if (job.status !== 'succeeded')
      throw new Error(
        `import ${kind} ${job.status}: ${JSON.stringify(job.errors ?? job.failure).slice(0, 800)}`,
      );
    return job;
  }
}
