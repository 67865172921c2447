import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id profile: 19 MiB, 2 passes, 1 lane (argon2id is the library's default). */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

// Verifying against this when no account matches makes "no such account" as slow as "wrong
// password", so response time does not reveal which emails have accounts.
const decoy = hash('decoy password that matches nothing', options);

export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? (await decoy), password);
    return passwordHash !== undefined && ok;
  } catch {
    return false;
  }
}
