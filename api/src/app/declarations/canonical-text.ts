import { createHash } from 'node:crypto';

export interface CanonicalDeclarer {
  name: string;
  title: string;
  unit: string;
  actions: readonly string[];
}

export interface CanonicalDeclaration {
  title: string;
  fiscalYear: number;
  preamble: string;
  pledges: readonly string[];
  declarers: readonly CanonicalDeclarer[];
  witness: string | null;
  /** YYYY-MM-DD, the day (Japan time) the last declarer signed. */
  date: string;
}

/**
 * The exact text a declaration's hash covers (docs/ikuboss.md "Canonical text"): one item per
 * line joined with LF, no trailing newline. Changing this format changes every future hash, never
 * the stored ones: the signed text is stored next to its hash.
 */
export function canonicalDeclarationText(d: CanonicalDeclaration): string {
  const lines = [
    d.title,
    `年度: ${d.fiscalYear}`,
    '',
    d.preamble,
    '',
    ...d.pledges.map((pledge, index) => `${index + 1}. ${pledge}`),
    '',
  ];
  for (const declarer of d.declarers) {
    lines.push(`宣言者: ${declarer.name}(${declarer.title}・${declarer.unit})`);
    declarer.actions.forEach((action, index) =>
      lines.push(`  アクション${index + 1}: ${action}`),
    );
  }
  if (d.witness) lines.push(`立会人: ${d.witness}`);
  lines.push(`宣言日: ${d.date}`);
  return lines.join('\n');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
