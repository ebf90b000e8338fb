/** Every API path is versioned; in development the dev server proxies /api to the NestJS app. */
export const API_BASE_URL = '/api/v1';

export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/');
}
