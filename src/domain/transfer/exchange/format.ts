// The exchange format: the columns that import reads and export writes, the
// same in CSV, XLSX and JSON. Four tables, each named by its first column:
// sources, actors (Swedish bodies), counterparts (places abroad) and
// agreements, one row per status event (an agreement's columns repeat on
// each of its rows; an agreement without events has one row with the event
// columns empty). The open-data page and the template files are built from
// this file, so its descriptions are the documentation.

import { ACTOR_KINDS, COUNTERPART_LEVELS, END_MODES, EVENT_TYPES, REASON_CODES, REASON_STATED_BY, SIDES, SOURCE_KINDS } from '../../../db/schema.ts';

const or = (list: readonly string[], word: string) => `${list.slice(0, -1).join(', ')} ${word} ${list.at(-1)}`;

export const TABLES = ['sources', 'actors', 'counterparts', 'agreements'] as const;
export type TableName = (typeof TABLES)[number];

export interface Column {
  name: string;
  sv: string;
  en: string;
  example: string;
  required?: boolean;
}

const col = (name: string, sv: string, en: string, example = '', required = false): Column => ({ name, sv, en, example, required });

const LIST_SV = 'flera skiljs med |';
const LIST_EN = 'several separated by |';
const CITATIONS_SV = `källor: källans id, kolon, var i källan; ${LIST_SV}`;
const CITATIONS_EN = `sources: the source's id, a colon, where in it; ${LIST_EN}`;

export const COLUMNS: Record<TableName, Column[]> = {
  sources: [
    col('source', 'källans id (små bokstäver, siffror, bindestreck)', "the source's id (lower-case letters, digits, dashes)", 'kalix-kf-2021', true),
    col('kind', `slag: ${or(SOURCE_KINDS, 'eller')}`, `kind: ${or(SOURCE_KINDS, 'or')}`, 'decision_protocol', true),
    col('title', 'titel', 'title', 'Kommunfullmäktiges protokoll', true),
    col('language', 'språket källan är skriven på (två bokstäver: sv, en, zh …; tom cell: sv)', 'the language the source is written in (two letters: sv, en, zh …; empty: sv)', 'sv'),
    col('author', 'författare', 'author'),
    col('publisher', 'utgivare', 'publisher', 'Kalix kommun'),
    col('published', 'utgiven (datum som 2021, 2021-05 eller 2021-05-14)', 'published (a date such as 2021, 2021-05 or 2021-05-14)', '2021-06-14'),
    col('url', 'webbadress', 'web address'),
    col('archive_reference', 'diarienummer eller arkivbeteckning', 'case or archive number'),
    col('retrieved_on', 'hämtad (datum)', 'retrieved on (date)'),
    col('seed_file', 'dokument i Ortsbands underlag', "document in Ortsband's seed material"),
    col('seed_passage', 'ställe i dokumentet', 'passage in that document'),
    col('note', 'anteckning', 'note'),
    col('note_en', 'anteckning på engelska', 'note in English'),
  ],
  actors: [
    col('actor', 'aktörens id', "the actor's id", 'kalix-kommun', true),
    col('name', 'namn', 'name', 'Kalix kommun', true),
    col('other_names', `andra namn den är känd under; ${LIST_SV}`, `other names it is known by; ${LIST_EN}`, 'Gothenburg'),
    col('kind', `slag: ${or(ACTOR_KINDS, 'eller')}`, `kind: ${or(ACTOR_KINDS, 'or')}`, 'kommun', true),
    col('municipality_code', 'SCB:s kommunkod (4 siffror)', "SCB's municipality code (4 digits)", '2514'),
    col('county_code', 'SCB:s länskod (2 siffror)', "SCB's county code (2 digits)", '25'),
    col('existed_from', 'fanns från (datum)', 'existed from (date)'),
    col('existed_to', 'fanns till (datum)', 'existed until (date)'),
    col('seat_lat', 'säte, latitud (decimalkomma går bra)', 'seat, latitude (a decimal comma is fine)', '65,85'),
    col('seat_lon', 'säte, longitud', 'seat, longitude', '23,15'),
    col('note', 'anteckning', 'note'),
    col('note_en', 'anteckning på engelska', 'note in English'),
    col('sources', CITATIONS_SV, CITATIONS_EN, 'nkk2022: Bilaga'),
  ],
  counterparts: [
    col('counterpart', 'motpartens id', "the counterpart's id", 'lanzhou', true),
    col('country', 'land (ISO 3166, två bokstäver)', 'country (ISO 3166, two letters)', 'CN', true),
    col('parent', 'orten den ligger i, hela vägen: Gansu eller Zhejiang > Huzhou', 'the place it lies in, all the way: Gansu or Zhejiang > Huzhou', 'Gansu'),
    col('name_latin', 'namn med latinska bokstäver', 'name in Latin letters', 'Lanzhou', true),
    col('name_native', 'namn på ortens språk (汉字)', 'name in the local script (汉字)', '兰州市'),
    col('name_pinyin', 'pinyin med tonmärken', 'pinyin with tone marks', 'Lánzhōu'),
    col('other_names', `andra namn orten är känd under; ${LIST_SV}`, `other names the place is known by; ${LIST_EN}`, 'Kanton | Canton'),
    col('level', `nivå: ${or(COUNTERPART_LEVELS, 'eller')}`, `level: ${or(COUNTERPART_LEVELS, 'or')}`, 'prefecture_city', true),
    col('lat', 'latitud', 'latitude', '36,06'),
    col('lon', 'longitud', 'longitude', '103,83'),
    col('note', 'anteckning', 'note'),
    col('note_en', 'anteckning på engelska', 'note in English'),
    col('sources', CITATIONS_SV, CITATIONS_EN),
  ],
  agreements: [
    col('agreement', 'avtalets id; tomt för ett nytt avtal (Ortsband ger det ett)', "the agreement's id; empty for a new agreement (Ortsband gives it one)", 'kalix-lanzhou-vanort', false),
    col('kind', 'slag: vanort eller kommunalt_partnerskap', 'kind: vanort or kommunalt_partnerskap', 'vanort', true),
    col('parties', `svenska parter: kommunkod, namn eller id; en annan roll skrivs först, som original_signatory: Malmöhus läns landsting; ${LIST_SV}`, `Swedish parties: municipality code, name or id; another role comes first, as original_signatory: Malmöhus läns landsting; ${LIST_EN}`, '2514 Kalix kommun', true),
    col('counterparts', `motparter med orterna de ligger i: Gansu > Lanzhou; ${LIST_SV}`, `counterparts with the places they lie in: Gansu > Lanzhou; ${LIST_EN}`, 'Gansu > Lanzhou', true),
    col('official_title', 'avtalets officiella namn', "the agreement's official title"),
    col('signed_on', 'undertecknat (datum)', 'signed on (date)'),
    col('term', 'löptid', 'term', '3 år'),
    col('renewal_rule', 'villkor för förlängning', 'renewal rule'),
    col('ends_on', 'löper ut (datum)', 'ends on (date)'),
    col('themes', `teman; ${LIST_SV}`, `themes; ${LIST_EN}`, 'utbildning | näringsliv'),
    col('funding', 'finansiering', 'funding'),
    col('responsible_unit', 'ansvarig förvaltning', 'responsible unit'),
    col('parent', 'överordnat avtals id', "the parent agreement's id"),
    col('summary', 'sammanfattning', 'summary'),
    col('summary_en', 'sammanfattning på engelska', 'summary in English'),
    col('sources', CITATIONS_SV, CITATIONS_EN, 'nkk2022: Bilaga, rad 21'),
    col('event', `händelse: ${or(EVENT_TYPES, 'eller')}`, `event: ${or(EVENT_TYPES, 'or')}`, 'established'),
    col('event_date', 'händelsens datum: 2019, 2019-05, 2019-05-14, 2002/2022 eller XXXX', "the event's date: 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX", '2009'),
    col('event_side', `vems initiativ: ${or(SIDES, 'eller')}`, `whose initiative: ${or(SIDES, 'or')}`),
    col('event_mode', `hur det slutade: ${or(END_MODES, 'eller')}`, `how it ended: ${or(END_MODES, 'or')}`),
    col('deciding_body', 'beslutande organ', 'deciding body', 'kommunfullmäktige'),
    col('reference', 'paragraf', 'paragraph (§)'),
    col('case_number', 'diarienummer', 'case number'),
    col('event_note', 'anteckning om händelsen', 'note on the event'),
    col('event_note_en', 'anteckning om händelsen på engelska', 'note on the event in English'),
    col(
      'reasons',
      `skäl: kod (vem): text, där kod är ${or(REASON_CODES, 'eller')} och vem är ${or(REASON_STATED_BY, 'eller')}; ${LIST_SV}`,
      `reasons: code (who): text, where code is ${or(REASON_CODES, 'or')} and who is ${or(REASON_STATED_BY, 'or')}; ${LIST_EN}`,
      'democracy_human_rights (decision_maker)',
    ),
    col(
      'reasons_en',
      `skälen på engelska: samma skäl i samma ordning, kod (vem): engelsk text; ${LIST_SV}`,
      `the reasons in English: the same reasons in the same order, code (who): English text; ${LIST_EN}`,
    ),
    col('event_sources', CITATIONS_SV, CITATIONS_EN),
  ],
};

/** The table a header belongs to: the one whose first column it has. */
export function tableOfHeader(header: readonly string[]): TableName | null {
  return TABLES.find((t) => header.includes(COLUMNS[t][0]!.name)) ?? null;
}

// Lists inside a cell are separated by "|"; a "|" or "\" inside a value is written "\|" or "\\".
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) current += cell[++i];
    else if (ch === '|') {
      items.push(current.trim());
      current = '';
    } else current += ch;
  }
  items.push(current.trim());
  return items.filter((item) => item !== '');
}

export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|]/g, (c) => `\\${c}`)).join(' | ');
}

// A spreadsheet runs a cell that starts with = + - @ as a formula (and a tab
// or return can hide one). Exports write such cells with a leading
// apostrophe; imports take that apostrophe away again, and refuse a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
/**
 * One CSV record (RFC 4180): a cell with the delimiter, a quote or a line
 * break is quoted. Written here rather than with csv-stringify, which took
 * 30 µs a row (2,977 ms for 100,000 rows of 25 cells against 546 ms here):
 * the export's rows per second hung on it.
 */
export function csvLine(cells: readonly string[], delimiter: ',' | ';' = ','): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i) line += delimiter;
    line += cell.includes('"') || cell.includes(delimiter) || cell.includes('\n') || cell.includes('\r') ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\r\n`;
}

/** Whether a cell, as read, would run as a formula in a spreadsheet. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+@]/.test(value) || /^-[^\d\s]/.test(value);
}
