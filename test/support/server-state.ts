import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerState {
  baseUrl: string;
  databaseUrl: string;
}

/** Written by the suite's global setup, which started the API. */
export function serverState(): ServerState {
  return JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', 'tmp', 'test-server.json'),
      'utf8',
    ),
  ) as ServerState;
}
