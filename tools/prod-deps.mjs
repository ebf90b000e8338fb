#!/usr/bin/env node
// Offline substitute for `npm audit --omit=dev` where the registry's advisory endpoint is not
// reachable (see docs/security.md, Dependencies). Prints every package the API and web app need
// at run time — package.json "dependencies" and their dependencies, as installed in node_modules —
// with its version, then checks the installed versions against the advisories listed below, which
// were looked up by hand. It is NOT a full audit: it knows only the advisories in ADVISORIES.
//   node tools/prod-deps.mjs [--list]
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const semver = createRequire(join(root, 'package.json'))('semver');

/**
 * Advisories against the major runtime dependencies (and exceljs's zip/glob chain), with the
 * affected range and where it was read. Add to it when a new advisory is published.
 */
const ADVISORIES = [
  {
    name: 'multer',
    range: '<2.1.0',
    id: 'CVE-2026-3304 (DoS, malformed multipart)',
    source: 'https://app.opencve.io/cve/CVE-2026-3304',
  },
  {
    name: 'multer',
    range: '<2.1.0',
    id: 'CVE-2026-2359 (DoS, dropped upload)',
    source: 'https://app.opencve.io/cve/CVE-2026-2359',
  },
  {
    name: 'multer',
    range: '>=1.4.4-lts.1 <2.0.1',
    id: 'CVE-2025-48997 (crash, empty field name)',
    source: 'https://cyberalerts.io/vulnerability/CVE-2025-48997',
  },
  {
    name: '@nestjs/core',
    range: '<=11.1.17 || >=12.0.0-alpha.0 <12.0.0-alpha.3',
    id: 'GHSA-36xv-jgw5-4q75 (CWE-116)',
    source: 'https://github.com/advisories/GHSA-36xv-jgw5-4q75',
  },
  {
    name: '@nestjs/core',
    range: '<9.0.5',
    id: 'CVE-2023-26108 (StreamableFile left open)',
    source: 'https://nvd.nist.gov/vuln/detail/CVE-2023-26108',
  },
  {
    name: 'minimatch',
    range: '<=3.1.3',
    id: 'minimatch advisory (high) reported against exceljs 4.4.0; range as quoted in exceljs#3024',
    source: 'https://github.com/exceljs/exceljs/issues/3024',
  },
  {
    name: 'jszip',
    range: '<3.8.0',
    id: 'jszip advisory reported against exceljs 4.3 (exceljs#2199)',
    source: 'https://github.com/exceljs/exceljs/issues/2199',
  },
];

function packageDir(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json')))
      return realpathSync(candidate);
    if (dirname(dir) === dir) return null;
  }
}

const installed = new Map(); // "name@version" -> { name, version, dir }
const missing = new Set();
function visit(name, from) {
  const dir = packageDir(name, from);
  if (!dir) {
    missing.add(name);
    return;
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const key = `${name}@${pkg.version}`;
  if (installed.has(key)) return;
  installed.set(key, { name, version: pkg.version, dir });
  for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
  for (const dep of Object.keys(pkg.optionalDependencies ?? {}))
    if (packageDir(dep, dir)) visit(dep, dir);
}

const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const name of Object.keys(rootPkg.dependencies ?? {})) visit(name, root);

const packages = [...installed.values()].sort((a, b) =>
  a.name === b.name
    ? semver.compare(a.version, b.version)
    : a.name.localeCompare(b.name),
);
if (process.argv.includes('--list'))
  for (const p of packages) console.log(`${p.name}@${p.version}`);
const direct = Object.keys(rootPkg.dependencies ?? {}).map((name) => {
  const p = packages.find((q) => q.name === name);
  return `${name}@${p?.version ?? 'missing'}`;
});
console.log(
  `direct runtime dependencies (${direct.length}): ${direct.join(', ')}`,
);
console.log(
  `runtime dependency closure: ${packages.length} package versions (${new Set(packages.map((p) => p.name)).size} packages)${missing.size ? `; not installed: ${[...missing].join(', ')}` : ''}`,
);
let affected = 0;
for (const advisory of ADVISORIES) {
  const versions = packages.filter((p) => p.name === advisory.name);
  const hits = versions.filter((p) =>
    semver.satisfies(p.version, advisory.range, { includePrerelease: true }),
  );
  affected += hits.length;
  console.log(
    `${hits.length ? 'AFFECTED' : 'ok      '} ${advisory.name} ${advisory.range}: ${advisory.id}; installed ${versions.map((p) => p.version).join(', ') || 'none'} (${advisory.source})`,
  );
}
console.log(
  `${ADVISORIES.length} known advisories checked, ${affected} installed versions affected`,
);
process.exit(affected > 0 ? 1 : 0);
