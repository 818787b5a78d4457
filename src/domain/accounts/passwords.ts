// Local passwords: argon2id through @node-rs/argon2 with its defaults
// (19 MiB, 2 passes, 1 lane: OWASP's minimum for argon2id), stored as the PHC
// string, which carries its own parameters and salt.
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

/** False for a wrong password and for a stored value that is not a hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
