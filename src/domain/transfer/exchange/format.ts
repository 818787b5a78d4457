// The exchange format: the columns that import reads and export writes, the
// same in CSV, XLSX and JSON. Four tables, each named by its first column:
// sources, actors (Swedish bodies), counterparts (places abroad) and
// agreements, one row per status event (an agreement's columns repeat on
// each of its rows; an agreement without events has one row with the event
// columns empty). The open-data page and the template files are built from
// this file, so its descriptions are the documentation.

import { DATE_FORMS } from '../../dates.ts';
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
  /** The most characters a cell of this column may hold (a list cell counts as a whole); stated in sv and en. */
  max: number;
  /** A number column: JSON may give it as a number (other columns take text only). */
  number?: boolean;
}

/**
 * One column. Every column has a length limit, so that no import can store a
 * text of any length (a 1 GiB note once made a backup run ten minutes); the
 * limits match the verbs' schemas, which check each value again.
 */
const col = (name: string, sv: string, en: string, example: string, max: number, options: { required?: boolean; number?: boolean } = {}): Column => ({
  name,
  sv: `${sv} (högst ${max.toLocaleString('sv-SE')} tecken)`,
  en: `${en} (at most ${max.toLocaleString('en')} characters)`,
  example,
  max,
  ...(options.required ? { required: true } : {}),
  ...(options.number ? { number: true } : {}),
});
const required = { required: true };
const number = { number: true };

const LIST_SV = 'flera skiljs med |';
const LIST_EN = 'several separated by |';
const CITATIONS_SV = `källor: källans id, kolon, var i källan; ${LIST_SV}`;
const CITATIONS_EN = `sources: the source's id, a colon, where in it; ${LIST_EN}`;
const DATE_SV = `datum: ${DATE_FORMS.sv}`;
const DATE_EN = `a date: ${DATE_FORMS.en}`;

// Lengths: ids as the schemas take them; names 300; titles, rules and
// funding 2,000; notes 5,000 (records) or 10,000 (events, summaries); list
// cells room for their lists; dates 40; codes 60.
const ID = 120;
const CODE = 60;
// Codes of a few letters or digits: room enough that the schema says what is wrong with 'english' or '25140'.
const SHORT_CODE = 20;
const DATE = 40;
const NUMBER = 30;
const LIST = 10_000;
const CITATIONS = 20_000;

export const COLUMNS: Record<TableName, Column[]> = {
  sources: [
    col('source', 'källans id (små bokstäver, siffror, bindestreck)', "the source's id (lower-case letters, digits, dashes)", 'kalix-kf-2021', ID, required),
    col('kind', `slag: ${or(SOURCE_KINDS, 'eller')}`, `kind: ${or(SOURCE_KINDS, 'or')}`, 'decision_protocol', CODE, required),
    col('title', 'titel', 'title', 'Kommunfullmäktiges protokoll', 2_000, required),
    col('title_en', 'titeln på engelska, där Ortsband skrivit titeln (referensdata)', 'the title in English, where Ortsband wrote the title (reference data)', '', 2_000),
    col('language', 'språket källan är skriven på (två bokstäver: sv, en, zh …; tom cell: sv)', 'the language the source is written in (two letters: sv, en, zh …; empty: sv)', 'sv', SHORT_CODE),
    col('author', 'författare', 'author', '', 500),
    col('publisher', 'utgivare', 'publisher', 'Kalix kommun', 500),
    col('published', `utgiven, ${DATE_SV}`, `published, ${DATE_EN}`, '2021-06-14', DATE),
    col('url', 'webbadress', 'web address', '', 2_000),
    col('archive_reference', 'diarienummer eller arkivbeteckning', 'case or archive number', '', 200),
    col('retrieved_on', `hämtad, ${DATE_SV}`, `retrieved on, ${DATE_EN}`, '', DATE),
    col('seed_file', 'dokument i Ortsbands underlag', "document in Ortsband's seed material", '', 200),
    col('seed_passage', 'ställe i dokumentet', 'passage in that document', '', 500),
    col('note', 'anteckning', 'note', '', 5_000),
    col('note_en', 'anteckning på engelska', 'note in English', '', 5_000),
  ],
  actors: [
    col('actor', 'aktörens id', "the actor's id", 'kalix-kommun', ID, required),
    col('name', 'namn', 'name', 'Kalix kommun', 300, required),
    col('other_names', `andra namn den är känd under; ${LIST_SV}`, `other names it is known by; ${LIST_EN}`, 'Gothenburg', 6_000),
    col('kind', `slag: ${or(ACTOR_KINDS, 'eller')}`, `kind: ${or(ACTOR_KINDS, 'or')}`, 'kommun', CODE, required),
    col('municipality_code', 'SCB:s kommunkod (4 siffror)', "SCB's municipality code (4 digits)", '2514', SHORT_CODE),
    col('county_code', 'SCB:s länskod (2 siffror)', "SCB's county code (2 digits)", '25', SHORT_CODE),
    col('existed_from', `fanns från, ${DATE_SV}`, `existed from, ${DATE_EN}`, '', DATE),
    col('existed_to', `fanns till, ${DATE_SV}`, `existed until, ${DATE_EN}`, '', DATE),
    col('seat_lat', 'säte, latitud (decimalkomma går bra)', 'seat, latitude (a decimal comma is fine)', '65,85', NUMBER, number),
    col('seat_lon', 'säte, longitud', 'seat, longitude', '23,15', NUMBER, number),
    col('note', 'anteckning', 'note', '', 5_000),
    col('note_en', 'anteckning på engelska', 'note in English', '', 5_000),
    col('sources', CITATIONS_SV, CITATIONS_EN, 'nkk2022: Bilaga', CITATIONS),
  ],
  counterparts: [
    col('counterpart', 'motpartens id', "the counterpart's id", 'lanzhou', ID, required),
    col('country', 'land (ISO 3166, två bokstäver)', 'country (ISO 3166, two letters)', 'CN', SHORT_CODE, required),
    col('parent', 'orten den ligger i, hela vägen: Gansu eller Zhejiang > Huzhou', 'the place it lies in, all the way: Gansu or Zhejiang > Huzhou', 'Gansu', 2_000),
    col('name_latin', 'namn med latinska bokstäver', 'name in Latin letters', 'Lanzhou', 300, required),
    col('name_native', 'namn på ortens språk (汉字)', 'name in the local script (汉字)', '兰州市', 300),
    col('name_pinyin', 'pinyin med tonmärken', 'pinyin with tone marks', 'Lánzhōu', 300),
    col('other_names', `andra namn orten är känd under; ${LIST_SV}`, `other names the place is known by; ${LIST_EN}`, 'Kanton | Canton', 6_000),
    col('level', `nivå: ${or(COUNTERPART_LEVELS, 'eller')}`, `level: ${or(COUNTERPART_LEVELS, 'or')}`, 'prefecture_city', CODE, required),
    col('lat', 'latitud', 'latitude', '36,06', NUMBER, number),
    col('lon', 'longitud', 'longitude', '103,83', NUMBER, number),
    col('note', 'anteckning', 'note', '', 5_000),
    col('note_en', 'anteckning på engelska', 'note in English', '', 5_000),
    col('sources', CITATIONS_SV, CITATIONS_EN, '', CITATIONS),
  ],
  agreements: [
    col('agreement', 'avtalets id; tomt för ett nytt avtal (Ortsband ger det ett)', "the agreement's id; empty for a new agreement (Ortsband gives it one)", 'kalix-lanzhou-vanort', ID),
    col('kind', 'slag: vanort eller kommunalt_partnerskap', 'kind: vanort or kommunalt_partnerskap', 'vanort', CODE, required),
    col('parties', `svenska parter: kommunkod, namn eller id; en annan roll skrivs först, som original_signatory: Malmöhus läns landsting; ${LIST_SV}`, `Swedish parties: municipality code, name or id; another role comes first, as original_signatory: Malmöhus läns landsting; ${LIST_EN}`, '2514 Kalix kommun', LIST, required),
    col('counterparts', `motparter med orterna de ligger i: Gansu > Lanzhou; ${LIST_SV}`, `counterparts with the places they lie in: Gansu > Lanzhou; ${LIST_EN}`, 'Gansu > Lanzhou', LIST, required),
    col('official_title', 'avtalets officiella namn', "the agreement's official title", '', 2_000),
    col('official_title_language', 'det officiella namnets språk (två bokstäver: sv, en, zh …)', "the official title's language (two letters: sv, en, zh …)", 'sv', SHORT_CODE),
    col('official_title_en', 'det officiella namnet på engelska, där det inte är engelska', 'the official title in English, where it is not English', '', 2_000),
    col('signed_on', `undertecknat, ${DATE_SV}`, `signed on, ${DATE_EN}`, '', DATE),
    col('term', 'löptid', 'term', '3 år', 200),
    col('renewal_rule', 'villkor för förlängning', 'renewal rule', '', 2_000),
    col('ends_on', `löper ut, ${DATE_SV}`, `ends on, ${DATE_EN}`, '', DATE),
    col('themes', `teman; ${LIST_SV}`, `themes; ${LIST_EN}`, 'utbildning | näringsliv', LIST),
    col('themes_en', `teman på engelska, ett för varje tema i samma ordning; ${LIST_SV}`, `themes in English, one for each theme in the same order; ${LIST_EN}`, 'education | business', LIST),
    col('funding', 'finansiering', 'funding', '', 2_000),
    col('funding_en', 'finansiering på engelska', 'funding in English', '', 2_000),
    col('responsible_unit', 'ansvarig förvaltning', 'responsible unit', '', 500),
    col('parent', 'överordnat avtals id', "the parent agreement's id", '', ID),
    col('summary', 'sammanfattning', 'summary', '', 10_000),
    col('summary_en', 'sammanfattning på engelska', 'summary in English', '', 10_000),
    col('sources', CITATIONS_SV, CITATIONS_EN, 'nkk2022: Bilaga, rad 21', CITATIONS),
    col('event', `händelse: ${or(EVENT_TYPES, 'eller')}`, `event: ${or(EVENT_TYPES, 'or')}`, 'established', CODE),
    col('event_date', `händelsens ${DATE_SV}`, `the event's date, ${DATE_EN}`, '2009', DATE),
    col('event_side', `vems initiativ: ${or(SIDES, 'eller')}`, `whose initiative: ${or(SIDES, 'or')}`, '', CODE),
    col('event_mode', `hur det slutade: ${or(END_MODES, 'eller')}`, `how it ended: ${or(END_MODES, 'or')}`, '', CODE),
    col('deciding_body', 'beslutande organ', 'deciding body', 'kommunfullmäktige', 500),
    col('reference', 'paragraf', 'paragraph (§)', '', 200),
    col('case_number', 'diarienummer', 'case number', '', 200),
    col('event_note', 'anteckning om händelsen', 'note on the event', '', 10_000),
    col('event_note_en', 'anteckning om händelsen på engelska', 'note on the event in English', '', 10_000),
    col(
      'reasons',
      `skäl: kod (vem): text, där kod är ${or(REASON_CODES, 'eller')} och vem är ${or(REASON_STATED_BY, 'eller')}; ${LIST_SV}`,
      `reasons: code (who): text, where code is ${or(REASON_CODES, 'or')} and who is ${or(REASON_STATED_BY, 'or')}; ${LIST_EN}`,
      'democracy_human_rights (decision_maker)',
      CITATIONS,
    ),
    col(
      'reasons_en',
      `skälen på engelska: samma skäl i samma ordning, kod (vem): engelsk text; ${LIST_SV}`,
      `the reasons in English: the same reasons in the same order, code (who): English text; ${LIST_EN}`,
      '',
      CITATIONS,
    ),
    col('event_sources', CITATIONS_SV, CITATIONS_EN, '', CITATIONS),
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

// A spreadsheet runs a cell that starts with = + - @ as a formula (DDE
// payloads such as =cmd|' /C calc'!A0 among them), also after leading
// blanks, tabs or line breaks, and some take the full-width ＝ ＋ － ＠ the
// same way (OWASP, "CSV Injection"). Exports write such cells, and cells
// that start with a tab or a return, with a leading apostrophe, which
// spreadsheets read as "this is text"; imports take that apostrophe away
// again and refuse a formula that comes without one.
const FORMULA_AFTER_BLANKS = /^[\s\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202f\u2060\ufeff]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;
/** Whether a cell needs an apostrophe before it: it would run, or it already starts with apostrophes before what would. */
function needsApostrophe(value: string): boolean {
  const rest = value.replace(/^'+/, '');
  return FORMULA_AFTER_BLANKS.test(rest) || /^[\t\r\n\0]/.test(rest);
}

/** A cell as an export writes it: an apostrophe before anything a spreadsheet would run (or an apostrophe the import would take away). */
export function neutraliseCell(value: string): string {
  return needsApostrophe(value) ? `'${value}` : value;
}
/** A cell as an import reads it: the apostrophe an export put before it taken away. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && needsApostrophe(value.slice(1)) ? value.slice(1) : value;
}
/** Whether a cell, as read, would run as a formula in a spreadsheet (a plain signed number would not). */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_AFTER_BLANKS.test(value) && !PLAIN_NUMBER.test(value.trim());
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
