import { asc, count, eq } from 'drizzle-orm';
import { agreementKinds, agreements } from '../../db/schema.ts';
import type { Context } from '../context.ts';

/** The kinds of agreement and how many agreements of each the register holds (of every visibility: the names are reference data, the counts an administrator's). */
export async function listAgreementKinds({ ctx }: { ctx: Context }) {
  return ctx.db
    .select({ code: agreementKinds.code, nameSv: agreementKinds.nameSv, nameEn: agreementKinds.nameEn, timeLimited: agreementKinds.timeLimited, agreements: count(agreements.id) })
    .from(agreementKinds)
    .leftJoin(agreements, eq(agreements.kind, agreementKinds.code))
    .groupBy(agreementKinds.code)
    .orderBy(asc(agreementKinds.code));
}
