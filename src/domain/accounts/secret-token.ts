// Secrets handed to a person once (a session cookie, an invitation link, an
// API key, a calendar address): 256 random bits, base64url; the register
// keeps only their SHA-256, so a copy of the database opens nothing.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = () => randomBytes(32).toString('base64url');
export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
