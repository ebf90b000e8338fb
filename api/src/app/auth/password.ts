import argon2 from 'argon2';
import type { LocalizedText } from '@ikuboard/shared/contracts';

/** OWASP's argon2id minimum (19 MiB, t=2, p=1) comfortably exceeded. */
const OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 3,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(
  hash: string,
  password: string,
): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified when the username does not exist so both take as long. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-account-' + Math.random());
  return dummyHash;
}

/** The password policy for accounts created outside demo mode. */
export function passwordProblems(
  password: string,
  username: string,
): LocalizedText[] {
  const problems: LocalizedText[] = [];
  if (password.length < 12) {
    problems.push({
      ja: 'パスワードは12文字以上にしてください。',
      en: 'The password must be at least 12 characters.',
    });
  }
  if (password.length > 256) {
    problems.push({
      ja: 'パスワードは256文字以内にしてください。',
      en: 'The password must be at most 256 characters.',
    });
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(
    (pattern) => pattern.test(password),
  ).length;
  if (classes < 3) {
    problems.push({
      ja: 'パスワードには英小文字・英大文字・数字・記号のうち3種類以上を含めてください。',
      en: 'The password must mix at least three of: lower case, upper case, digits, symbols.',
    });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({
      ja: 'パスワードにユーザー名を含めないでください。',
      en: 'The password must not contain the username.',
    });
  }
  return problems;
}
