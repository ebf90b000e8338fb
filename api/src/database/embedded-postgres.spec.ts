import { join } from 'node:path';

import { embeddedSocket } from './embedded-postgres';

describe('embeddedSocket', () => {
  it('puts the socket in the cluster directory when its path fits in sun_path', () => {
    expect(embeddedSocket('/srv/ikuboard/data/pg', 54329)).toBe(
      process.platform !== 'win32',
    );
  });

  it('keeps TCP when the socket path would be longer than 100 bytes', () => {
    // 86 + '/.s.PGSQL.54329' (15) = 101 bytes
    const dir = join('/', 'd'.repeat(85));
    expect(embeddedSocket(dir, 54329)).toBe(false);
    expect(embeddedSocket(join('/', 'd'.repeat(84)), 54329)).toBe(
      process.platform !== 'win32',
    );
  });

  it('counts bytes, not characters: a Japanese directory name is three bytes a character', () => {
    // 1 + 28 × 3 = 85 bytes, +15 = 100: fits; one more character does not
    expect(embeddedSocket(`/${'職'.repeat(28)}`, 54329)).toBe(
      process.platform !== 'win32',
    );
    expect(embeddedSocket(`/${'職'.repeat(29)}`, 54329)).toBe(false);
  });
});
