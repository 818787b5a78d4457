// What a posted editing form holds, as typed: read from the body, turned
// into the verb's input, and shown again unchanged when the verb refuses it.
import type { AgreementFields } from '../../domain/agreements/editable.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import type { PartyRow, PlaceRow, SourceRow } from './choices.tsx';

export type Body = Record<string, string | File | (string | File)[]>;
export const text = (form: Body, key: string): string => {
  const v = form[key];
  return typeof v === 'string' ? v : '';
};
/** Empty is none. */
const orNull = (s: string) => (s.trim() === '' ? null : s);
/** A whole number typed in a form: none when empty; anything else goes to the verb as written, which names the field. */
export const wholeNumberOf = (raw: string) => {
  const value = raw.trim();
  return value === '' ? null : /^[0-9]{1,10}$/.test(value) ? Number(value) : (value as never);
};

/** Indexed rows `prefix.N.field`, in index order (at most `max`). */
function rows(form: Body, prefix: string, key: string, max = 60): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.${key}$`);
  for (const k of Object.keys(form)) {
    const m = pattern.exec(k);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, max);
}

export function partyRows(form: Body): PartyRow[] {
  return rows(form, 'party', 'actor').map((i) => ({
    actor: text(form, `party.${i}.actor`),
    role: text(form, `party.${i}.role`) || 'party',
    note: text(form, `party.${i}.note`),
    noteEn: text(form, `party.${i}.noteEn`),
    keep: text(form, `party.${i}.keep`) !== '',
  }));
}
export const placeRows = (form: Body): PlaceRow[] => rows(form, 'place', 'slug').map((i) => ({ slug: text(form, `place.${i}.slug`), keep: text(form, `place.${i}.keep`) !== '' }));
export const sourceRows = (form: Body): SourceRow[] =>
  rows(form, 'source', 'slug').map((i) => ({ slug: text(form, `source.${i}.slug`), passage: text(form, `source.${i}.passage`), keep: text(form, `source.${i}.keep`) !== '' }));

/** The version a form was opened at, as a number when it is one (the verb names a bad one). */
export const versionOf = (form: Body): unknown => (/^[0-9]{1,9}$/.test(text(form, 'version')) ? Number(text(form, 'version')) : text(form, 'version'));

export interface AgreementTyped {
  slug: string;
  kind: string;
  officialTitle: string;
  officialTitleLanguage: string;
  officialTitleEn: string;
  signedOn: string;
  term: string;
  renewalRule: string;
  termMonths: string;
  renewalMonths: string;
  noticeMonths: string;
  noticeDays: string;
  endsOn: string;
  themes: string;
  themesEn: string;
  funding: string;
  fundingEn: string;
  responsibleUnit: string;
  parent: string;
  summary: string;
  summaryEn: string;
  visibility: string;
  comment: string;
  parties: PartyRow[];
  places: PlaceRow[];
  actorQuery: string;
  placeQuery: string;
}

const SIMPLE = ['slug', 'kind', 'officialTitle', 'officialTitleLanguage', 'officialTitleEn', 'signedOn', 'term', 'renewalRule', 'termMonths', 'renewalMonths', 'noticeMonths', 'noticeDays', 'endsOn', 'themes', 'themesEn', 'funding', 'fundingEn', 'responsibleUnit', 'parent', 'summary', 'summaryEn', 'visibility', 'comment', 'actorQuery', 'placeQuery'] as const;

export function agreementTyped(form: Body): AgreementTyped {
  const simple = Object.fromEntries(SIMPLE.map((k) => [k, text(form, k)])) as Record<(typeof SIMPLE)[number], string>;
  return { ...simple, parties: partyRows(form), places: placeRows(form) };
}

/** The form filled with an agreement as stored. */
export function agreementTypedFrom(fields: AgreementFields, slug = ''): AgreementTyped {
  return {
    slug,
    kind: fields.kind,
    officialTitle: fields.officialTitle ?? '',
    officialTitleLanguage: fields.officialTitleLanguage ?? '',
    officialTitleEn: fields.officialTitleEn ?? '',
    signedOn: fields.signedOn ?? '',
    term: fields.term ?? '',
    renewalRule: fields.renewalRule ?? '',
    termMonths: fields.termMonths?.toString() ?? '',
    renewalMonths: fields.renewalMonths?.toString() ?? '',
    noticeMonths: fields.noticeMonths?.toString() ?? '',
    noticeDays: fields.noticeDays?.toString() ?? '',
    endsOn: fields.endsOn ?? '',
    themes: fields.themes.join('\n'),
    themesEn: fields.themesEn.join('\n'),
    funding: fields.funding ?? '',
    fundingEn: fields.fundingEn ?? '',
    responsibleUnit: fields.responsibleUnit ?? '',
    parent: fields.parent ?? '',
    summary: fields.summary ?? '',
    summaryEn: fields.summaryEn ?? '',
    visibility: fields.visibility,
    comment: '',
    parties: fields.parties.map((p) => ({ actor: p.actor, role: p.role, note: p.note ?? '', noteEn: p.noteEn ?? '', keep: true })),
    places: fields.counterparts.map((slug) => ({ slug, keep: true })),
    actorQuery: '',
    placeQuery: '',
  };
}

const lines = (typed: string) =>
  typed
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The verb's input from what was typed: only the ticked parties and places; each line of themes is one. */
export function agreementInput(t: AgreementTyped) {
  return {
    kind: t.kind,
    officialTitle: orNull(t.officialTitle),
    officialTitleLanguage: orNull(t.officialTitleLanguage.trim()),
    officialTitleEn: orNull(t.officialTitleEn),
    signedOn: orNull(t.signedOn.trim()),
    term: orNull(t.term),
    renewalRule: orNull(t.renewalRule),
    termMonths: wholeNumberOf(t.termMonths),
    renewalMonths: wholeNumberOf(t.renewalMonths),
    noticeMonths: wholeNumberOf(t.noticeMonths),
    noticeDays: wholeNumberOf(t.noticeDays),
    endsOn: orNull(t.endsOn.trim()),
    themes: lines(t.themes),
    themesEn: lines(t.themesEn),
    funding: orNull(t.funding),
    fundingEn: orNull(t.fundingEn),
    responsibleUnit: orNull(t.responsibleUnit),
    parent: orNull(t.parent.trim()),
    summary: orNull(t.summary),
    summaryEn: orNull(t.summaryEn),
    parties: t.parties.filter((p) => p.keep).map((p) => ({ actor: p.actor, role: p.role, note: orNull(p.note), noteEn: orNull(p.noteEn) })),
    counterparts: t.places.filter((p) => p.keep).map((p) => p.slug),
    visibility: t.visibility,
    comment: orNull(t.comment),
  };
}

/** The element a problem's summary link goes to: a field's input, or the search field of a list of choices. */
export function agreementFieldId(field: string): string {
  const top = field.split('.')[0]!;
  if (top === 'parties') return 'actor-q';
  if (top === 'counterparts') return 'place-q';
  return `f-${top}`;
}

/** Problems as the page shows them: the field each belongs to, for the message beside it. */
export const topField = (p: FieldProblem) => p.field.split('.')[0]!;
