import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * A person as the register writes them down (their e-mail address, from
 * principalLabel) as a page names them: the name of the account with that
 * address, else the label itself (a program's, the system's, a removed
 * account's). The address stays for the audit and the API.
 */
export const personName = (label: SQL | AnyColumn) => sql<string>`coalesce((select u.display_name from users u where u.email = ${label}), ${label})`;
