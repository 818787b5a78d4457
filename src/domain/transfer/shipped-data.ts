// Loads the data Ortsband ships with (data/*.yaml) through the same verbs
// every other writer uses, in one transaction: it applies whole or not at all.
// The file format is described at the top of each data file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { agreementKinds, organisations } from '../../db/schema.ts';
import { createActionPlan, createActionPlanSchema } from '../action-plans/create.ts';
import { createActivity, createActivitySchema } from '../activities/create.ts';
import { createActor, recordSuccession } from '../actors/create.ts';
import { createActorSchema, createSuccessionSchema } from '../actors/schemas.ts';
import { addDiscrepancy, addDiscrepancySchema, addQuotation, addQuotationSchema } from '../agreements/add-evidence.ts';
import { createAgreement } from '../agreements/create.ts';
import { createAgreementSchema } from '../agreements/schemas.ts';
import { inTransaction, type Context } from '../context.ts';
import { createCounterpart } from '../counterparts/create.ts';
import { parseFuzzyDate } from '../dates.ts';
import { DomainError, invalid } from '../errors.ts';
import { createSource } from '../sources/create.ts';
import { createSourceSchema, type CitationInput } from '../sources/schemas.ts';
import { recordStatusEvent } from '../status/record-event.ts';
import { recordEventSchema, type RecordEventInput } from '../status/schemas.ts';
import { parseInput } from '../validate.ts';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');
export const EDITORIAL_ORGANISATION = { slug: 'ortsband', name: 'Ortsband (redaktionen)' };

export const AGREEMENT_KINDS = [
  { code: 'vanort', nameSv: 'Vänortssamarbete', nameEn: 'Twinning (sister-city cooperation)', timeLimited: false },
  { code: 'kommunalt_partnerskap', nameSv: 'Kommunalt partnerskap', nameEn: 'Municipal partnership (ICLD)', timeLimited: true },
];

// "nkk2022: Appendix, rad 4" → { source: 'nkk2022', passage: 'Appendix, rad 4' }
const citation = z.string().transform((text): CitationInput => {
  const at = text.indexOf(': ');
  return at < 0 ? { source: text.trim() } : { source: text.slice(0, at).trim(), passage: text.slice(at + 2).trim() };
});
const citations = z.array(citation).default([]);

const APPENDIX_STATUSES = ['Aktivt', 'Vilande', 'Pausat', 'Avslutat', 'Delvis avslutat'] as const;
/** One row of the report's appendix table, as printed (see data/agreements.yaml). */
export const appendixRowSchema = z.tuple([
  z.number().int().min(1).max(52),
  z.string(), // Swedish partner
  z.string(), // counterpart
  z.string(), // counterpart in 汉字
  z.string(), // parents in 汉字, "|"-separated
  z.enum(['vänort', 'kommunalt partnerskap']),
  z.string(), // official name, "" if none
  z.string().regex(/^\d{4}$/),
  z.enum(APPENDIX_STATUSES),
  z.string().regex(/^(\d{4}|oklart|)$/),
  z.enum(['', 'Kina']),
]);
export type AppendixRow = z.infer<typeof appendixRowSchema>;

const eventEntry = z.looseObject({ refines: z.boolean().default(false), date: z.string().optional(), sources: citations, type: z.string() });
const agreementEntry = z.looseObject({
  appendix: appendixRowSchema.optional(),
  slug: z.string().optional(),
  parties: z.array(z.unknown()).optional(),
  counterparts: z.array(z.string()).optional(),
  sources: citations,
  events: z.array(eventEntry).default([]),
  quotations: z.array(z.looseObject({ sources: citations })).default([]),
  discrepancies: z.array(z.looseObject({ sources: citations })).default([]),
  activities: z.array(z.looseObject({ sources: citations })).default([]),
  actionPlans: z.array(z.looseObject({ sources: citations })).default([]),
});

const shippedSchema = z.object({
  sources: z.record(z.string(), z.looseObject({})),
  actors: z.array(
    z.looseObject({ slug: z.string(), name: z.string(), aliases: z.array(z.string()).default([]), municipalityCode: z.string().nullish(), countyCode: z.string().nullish(), sources: citations }),
  ),
  successions: z.array(z.looseObject({ sources: citations })),
  counterparts: z.array(
    z.looseObject({ slug: z.string(), latin: z.string(), native: z.string(), pinyin: z.string(), otherNames: z.array(z.string()).default([]), level: z.string(), parent: z.string().optional(), sources: citations }),
  ),
  agreements: z.array(agreementEntry),
  /** Ortsband's English of the cited passages, by source and passage (data/passages-en.yaml). */
  passagesEn: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
export type ShippedData = z.infer<typeof shippedSchema>;

export async function readShippedData(dir = DATA_DIR): Promise<ShippedData> {
  const read = async (file: string) => parseYaml(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const [sourcesFile, actorsFile, counterpartsFile, agreementsFile, passagesEnFile] = await Promise.all(
    ['sources.yaml', 'actors.yaml', 'counterparts.yaml', 'agreements.yaml', 'passages-en.yaml'].map(read),
  );
  const data = parseInput(shippedSchema, {
    sources: sourcesFile,
    actors: actorsFile!.actors,
    successions: actorsFile!.successions,
    counterparts: counterpartsFile!.counterparts,
    agreements: agreementsFile!.agreements,
    passagesEn: passagesEnFile ?? {},
  });
  withEnglishPassages([data.actors, data.successions, data.counterparts, data.agreements], data.passagesEn);
  return data;
}

/** Gives every citation under `records` (any `sources` list, at any depth) its English from the table. */
function withEnglishPassages(records: unknown, table: ShippedData['passagesEn']) {
  if (Array.isArray(records)) {
    for (const r of records) withEnglishPassages(r, table);
  } else if (records && typeof records === 'object') {
    for (const [key, value] of Object.entries(records)) {
      if (key === 'sources' && Array.isArray(value)) {
        for (const c of value as CitationInput[]) {
          const en = c.passage ? table[c.source]?.[c.passage] : undefined;
          if (en) c.passageEn = en;
        }
      } else {
        withEnglishPassages(value, table);
      }
    }
  }
}

/** The appendix row a fact cites, with its English: "Appendix, rad 4" is "Appendix, row 4". */
const appendixRow = (n: number): CitationInput => ({ source: 'nkk2022', passage: `Appendix, rad ${n}`, passageEn: `Appendix, row ${n}` });
/** The English of the loader's own passages on SCB's codes. */
const CODE_NAMES_EN: Record<string, string> = { kommunkod: 'municipality code', länskod: 'county code' };

const KIND_CODE = { vänort: 'vanort', 'kommunalt partnerskap': 'kommunalt_partnerskap' } as const;
const STATUS_EVENT = { Aktivt: 'activity_observed', Vilande: 'dormant', Pausat: 'paused', Avslutat: 'ended', 'Delvis avslutat': 'partly_ended' } as const;

/** The events an appendix row states: its establishment and its status. */
export function eventsFromAppendixRow(row: AppendixRow): RecordEventInput[] {
  const [n, , , , , , , established, status, statusYear, endedBy] = row;
  const cite = [appendixRow(n)];
  // "Aktivt" and "Vilande" carry no year: they describe the state when the study ended (2021, footnote 21).
  const date = statusYear === 'oklart' ? 'XXXX' : statusYear || '2021';
  return [
    { type: 'established', date: established, sources: cite },
    { type: STATUS_EVENT[status], date, side: endedBy === 'Kina' ? 'counterpart' : null, sources: cite },
  ];
}

/** An event from the text refines the row's event: a date only inside the row's. */
function refine(base: RecordEventInput, extra: z.infer<typeof eventEntry>, where: string): RecordEventInput {
  const { refines: _refines, sources, ...rest } = extra;
  const merged = { ...base, ...rest, sources: [...(base.sources ?? []), ...sources] } as RecordEventInput;
  if (extra.date && base.date !== 'XXXX') {
    const outer = parseFuzzyDate(base.date);
    const inner = parseFuzzyDate(extra.date);
    if (!outer.min || !inner.min || inner.min < outer.min || inner.max! > outer.max!) {
      throw invalid([{ field: `${where}.date`, message: `'${extra.date}' is not inside the appendix's '${base.date}'; record a discrepancy instead` }]);
    }
  }
  return merged;
}

export interface LoadSummary {
  sources: number;
  actors: number;
  counterparts: number;
  agreements: number;
  events: number;
}

export async function loadShippedData(ctx: Context, data: ShippedData): Promise<LoadSummary> {
  return inTransaction(ctx, async (ctx) => {
    const [org] = await ctx.db.insert(organisations).values(EDITORIAL_ORGANISATION).onConflictDoNothing().returning();
    const organisationId = org?.id ?? (await ctx.db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.slug, 'ortsband') }))!.id;
    await ctx.db.insert(agreementKinds).values(AGREEMENT_KINDS).onConflictDoNothing();
    const summary: LoadSummary = { sources: 0, actors: 0, counterparts: 0, agreements: 0, events: 0 };

    for (const [slug, source] of Object.entries(data.sources)) {
      await createSource({ ctx, organisationId, input: parseInput(createSourceSchema, { slug, ...source }) });
      summary.sources++;
    }
    const actorByName = new Map<string, string>();
    // Coordinates are reference data: every record that has them cites where they come from.
    const withCoordinates = (record: { sources: CitationInput[] }, has: boolean) =>
      has ? [...record.sources, { source: 'coordinates', passage: 'lat/lon', passageEn: 'latitude/longitude' }] : record.sources;
    // So are SCB's codes: a code is a fact of the actor, and cites the code list.
    const withCodes = (actor: { municipalityCode?: string | null; countyCode?: string | null }, list: CitationInput[]) => {
      const codes = [actor.municipalityCode ? 'kommunkod' : null, actor.countyCode ? 'länskod' : null].filter((c) => c !== null);
      return codes.length ? [...list, { source: 'scb-codes', passage: codes.join(' och '), passageEn: codes.map((c) => CODE_NAMES_EN[c]).join(' and ') }] : list;
    };
    for (const { aliases, ...actor } of data.actors) {
      const sources = withCodes(actor, withCoordinates(actor, actor.seatLat !== undefined));
      await createActor({ ctx, organisationId, input: parseInput(createActorSchema, { ...actor, sources }) });
      for (const name of [actor.name, ...aliases]) actorByName.set(name, actor.slug);
      summary.actors++;
    }
    for (const succession of data.successions) {
      await recordSuccession({ ctx, organisationId, input: parseInput(createSuccessionSchema, succession) });
    }
    const counterpartByLatin = new Map<string, (typeof data.counterparts)[number]>();
    for (const c of data.counterparts) {
      await createCounterpart({
        ctx,
        organisationId,
        input: { slug: c.slug, nameLatin: c.latin, nameNative: c.native, namePinyin: c.pinyin, otherNames: c.otherNames, level: c.level as never, parent: c.parent ?? null, lat: (c.lat as number) ?? null, lon: (c.lon as number) ?? null, note: (c.note as string) ?? null, noteEn: (c.noteEn as string) ?? null, sources: withCoordinates(c, c.lat !== undefined) },
      });
      counterpartByLatin.set(c.latin, c);
      summary.counterparts++;
    }
    const nativeChain = (slug: string | undefined): string[] => {
      const c = data.counterparts.find((x) => x.slug === slug);
      return c ? [c.native, ...nativeChain(c.parent)] : [];
    };

    for (const [i, entry] of data.agreements.entries()) {
      const where = `agreements.${i}`;
      await withFieldPrefix(`${where} (${entry.slug ?? entry.appendix?.slice(1, 3).join(' – ')})`, () => loadAgreement(entry, where));
    }
    return summary;

    async function loadAgreement(entry: ShippedData['agreements'][number], where: string) {
      const { appendix, events, quotations, discrepancies, activities, actionPlans, ...fields } = entry;
      let input: Record<string, unknown> = fields;
      let rowEvents: RecordEventInput[] = [];
      if (appendix) {
        const [, partner, latin, native, parents, kind, officialName] = appendix;
        const actor = actorByName.get(partner);
        const place = counterpartByLatin.get(latin);
        if (!actor) throw invalid([{ field: `${where}.appendix.1`, message: `no actor named '${partner}'` }]);
        if (!place) throw invalid([{ field: `${where}.appendix.2`, message: `no counterpart '${latin}'` }]);
        // The row's 汉字 and its chain of parents must agree with the hierarchy.
        const chain = nativeChain(place.slug);
        if (!chain[0]!.startsWith(native)) throw invalid([{ field: `${where}.appendix.3`, message: `'${native}' is not ${chain[0]}` }]);
        for (const parent of parents ? parents.split('|') : []) {
          if (!chain.slice(1).some((n) => n.startsWith(parent))) {
            throw invalid([{ field: `${where}.appendix.4`, message: `${parent} is not above ${native} in the hierarchy` }]);
          }
        }
        const kindCode = KIND_CODE[kind];
        input = {
          slug: `${actor}--${place.slug}${kindCode === 'kommunalt_partnerskap' ? '--kp' : ''}`,
          kind: kindCode,
          officialTitle: officialName || null,
          parties: [actor],
          counterparts: [place.slug],
          ...fields,
          sources: [appendixRow(appendix[0]), ...fields.sources],
        };
        rowEvents = eventsFromAppendixRow(appendix);
      }
      const agreement = await createAgreement({ ctx, organisationId, input: parseInput(createAgreementSchema, input) });
      summary.agreements++;

      const toRecord = [...rowEvents];
      for (const [j, extra] of events.entries()) {
        if (!extra.refines) {
          const { refines: _r, ...plain } = extra;
          toRecord.push(plain as RecordEventInput);
          continue;
        }
        const at = toRecord.findIndex((e) => e.type === extra.type);
        if (at < 0) throw invalid([{ field: `${where}.events.${j}`, message: `no '${extra.type}' event from the appendix to refine` }]);
        toRecord[at] = refine(toRecord[at]!, extra, `${where}.events.${j}`);
      }
      for (const event of toRecord) {
        await recordStatusEvent({ ctx, agreementId: agreement.id, input: parseInput(recordEventSchema, event) });
        summary.events++;
      }
      for (const q of quotations) await addQuotation({ ctx, agreementId: agreement.id, input: parseInput(addQuotationSchema, q) });
      for (const d of discrepancies) await addDiscrepancy({ ctx, agreementId: agreement.id, input: parseInput(addDiscrepancySchema, d) });
      for (const a of activities) await createActivity({ ctx, agreementId: agreement.id, input: parseInput(createActivitySchema, a) });
      for (const p of actionPlans) await createActionPlan({ ctx, agreementId: agreement.id, input: parseInput(createActionPlanSchema, p) });
    }
  });
}

/** Names the record a validation problem is in: "agreements.12 (Mora kommun – Changchun).events.0.date". */
async function withFieldPrefix<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION') {
      throw invalid(error.problems.map((p) => ({ ...p, field: p.field.startsWith('agreements.') ? p.field : `${prefix}: ${p.field}` })));
    }
    throw error;
  }
}
