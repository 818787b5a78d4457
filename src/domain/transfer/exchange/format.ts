// The exchange format: the columns that import reads and export writes, the
// same in CSV, XLSX and JSON. Nine tables, each named by its first column:
// sources, actors (Swedish bodies), counterparts (places abroad),
// agreements, one row per status event (an agreement's columns repeat on
// each of its rows; an agreement without events has one row with the event
// columns empty), action plans, one row per goal in the same way,
// activities, one row each, contact surfaces, one row each, the knowledge
// base's guidance articles in force, one row each, and their earlier
// versions, one row each. The open-data page and the template files are
// built from this file, so its descriptions are the documentation.

import { DATE_FORMS } from '../../dates.ts';
import { MAX_LINKS } from '../../contact-surfaces/schemas.ts';
import { ACTIVITY_KINDS, ACTOR_KINDS, CONTACT_SURFACE_KINDS, KNOWLEDGE_TOPICS, COUNTERPART_LEVELS, END_MODES, EVENT_TYPES, FUNDING_SOURCES, GOAL_ASSESSMENTS, REASON_CODES, REASON_STATED_BY, SIDES, SOURCE_KINDS, VISIBILITIES } from '../../../db/schema.ts';

const or = (list: readonly string[], word: string) => `${list.slice(0, -1).join(', ')} ${word} ${list.at(-1)}`;

// In the order an import reads them: a table refers only to the tables before it.
export const TABLES = ['sources', 'actors', 'counterparts', 'agreements', 'action_plans', 'activities', 'contact_surfaces', 'knowledge_articles', 'knowledge_article_versions'] as const;
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
    // The term, renewal and notice in numbers, where the source states them exactly (agreements/renewal-dates.ts reckons from them).
    col('term_months', 'löptiden i hela månader från starten (1–1 200)', 'the term in whole months from the start (1–1,200)', '36', NUMBER, number),
    col('renewal_months', 'månader varje automatisk förlängning lägger till (1–1 200; kräver term_months)', 'months each automatic renewal adds (1–1,200; needs term_months)', '', NUMBER, number),
    col('notice_months', 'uppsägningstid före en förlängning i månader (0–1 200; kräver term_months; inte med notice_days)', 'notice before a renewal in months (0–1,200; needs term_months; not with notice_days)', '', NUMBER, number),
    col('notice_days', 'uppsägningstid före en förlängning i dagar (0–36 500; kräver term_months; inte med notice_months)', 'notice before a renewal in days (0–36,500; needs term_months; not with notice_months)', '', NUMBER, number),
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
  // One row per goal: the plan's columns repeat on each of its rows (a plan
  // without goals has one row with the goal columns empty). A plan is its
  // agreement and its title; a goal is its number in the plan.
  action_plans: [
    col('action_plan', 'handlingsplanens titel (en plan är sitt avtal och sin titel)', "the action plan's title (a plan is its agreement and its title)", 'Handlingsplan 2015–2018', 1_000, required),
    col('agreement', 'id för avtalet planen görs för', "the id of the agreement the plan is made for", 'linkoping--guangzhou', ID, required),
    col('title_en', 'titeln på engelska', 'the title in English', '', 1_000),
    col('period_from', `perioden börjar, ${DATE_SV}`, `the period begins, ${DATE_EN}`, '2015', DATE, required),
    col('period_to', `perioden slutar, ${DATE_SV}`, `the period ends, ${DATE_EN}`, '2018', DATE, required),
    col('also_serves', `fler avtal planen tjänar, med id; ${LIST_SV}`, `further agreements the plan serves, by id; ${LIST_EN}`, '', LIST),
    col('responsible_unit', 'ansvarig förvaltning', 'responsible unit', '', 1_000),
    col('budget_sek', 'budget i hela kronor', 'budget in whole kronor', '', NUMBER, number),
    col('note', 'anteckning', 'note', '', 10_000),
    col('note_en', 'anteckning på engelska', 'note in English', '', 10_000),
    col('reviewed_on', 'uppföljd den (ÅÅÅÅ-MM-DD)', 'reviewed on (YYYY-MM-DD)', '', DATE),
    col('review_note', 'uppföljningens slutsats', "the review's conclusion", '', 10_000),
    col('sources', CITATIONS_SV, CITATIONS_EN, '', CITATIONS),
    col('goal', 'målets nummer i planen (1, 2, 3 …); tomt för en plan utan mål', "the goal's number in the plan (1, 2, 3 …); empty for a plan without goals", '1', NUMBER, number),
    col('theme', 'målets tematiska område', "the goal's thematic area", 'Utbildning', 300),
    col('theme_en', 'det tematiska området på engelska', 'the thematic area in English', 'Education', 300),
    col('goal_text', 'målet', 'the goal', 'Främja utbyten mellan elever och lärare.', 5_000),
    col('goal_text_en', 'målet på engelska', 'the goal in English', '', 5_000),
    col('indicator', 'hur målet mäts', 'how the goal is measured', '', 5_000),
    col('planned_activities', 'planerade aktiviteter', 'planned activities', '', 5_000),
    col('follow_up', 'hur målet följs upp', 'how the goal is followed up', '', 5_000),
    col('outcome', 'utfall vid uppföljningen', 'outcome at the review', '', 5_000),
    col('assessment', `bedömning: ${or(GOAL_ASSESSMENTS, 'eller')} (tom cell: not_assessed)`, `assessment: ${or(GOAL_ASSESSMENTS, 'or')} (empty: not_assessed)`, '', CODE),
    col('assessment_note', 'bedömningens motivering', 'why it was so assessed', '', 5_000),
  ],
  // One row per activity. An activity is its agreement, its date and its
  // title (several alike are told apart by their order). The further
  // agreements it serves and where it took place are list columns, as an
  // action plan's `also_serves` and a contact surface's `actors` and
  // `places`: a file that has the column gives the activity exactly those
  // (an empty cell none); a file without it keeps the register's.
  activities: [
    col('activity', 'aktivitetens titel', "the activity's title", 'Besök i Lanzhou', 1_000, required),
    col('agreement', 'id för avtalet aktiviteten hör till', 'the id of the agreement the activity belongs to', 'kalix--lanzhou', ID, required),
    col('kind', `slag: ${or(ACTIVITY_KINDS, 'eller')}`, `kind: ${or(ACTIVITY_KINDS, 'or')}`, 'visit_outgoing', CODE, required),
    col('date', DATE_SV, DATE_EN, '2019-05', DATE, required),
    col('title_en', 'titeln på engelska', 'the title in English', '', 1_000),
    // Who took part, by name, is personal data: never in these public files (docs/visibility.md); the head counts are.
    col('purpose', 'syfte', 'purpose', '', 5_000),
    col('purpose_en', 'syfte på engelska', 'purpose in English', '', 5_000),
    col('outcome', 'resultat', 'outcome', '', 5_000),
    col('outcome_en', 'resultat på engelska', 'outcome in English', '', 5_000),
    col('cost_sek', 'hela kostnaden i kronor; med kostnad per slag: deras summa', 'the whole cost in kronor; with a cost by category: their sum', '', NUMBER, number),
    col('cost_travel_sek', 'kostnad för resor i kronor', 'travel cost in kronor', '', NUMBER, number),
    col('cost_hospitality_sek', 'kostnad för representation i kronor', 'hospitality cost in kronor', '', NUMBER, number),
    col('cost_project_sek', 'kostnad för projekt i kronor', 'project cost in kronor', '', NUMBER, number),
    col('cost_other_sek', 'annan kostnad i kronor', 'other cost in kronor', '', NUMBER, number),
    col('funding', `finansiering: ${or(FUNDING_SOURCES, 'eller')}; ${LIST_SV}`, `funding: ${or(FUNDING_SOURCES, 'or')}; ${LIST_EN}`, 'own_budget', 200),
    col('participants_politicians', 'antal politiker', 'number of politicians', '', NUMBER, number),
    col('participants_officials', 'antal tjänstepersoner', 'number of officials', '', NUMBER, number),
    col('participants_companies', 'antal från företag', 'number from companies', '', NUMBER, number),
    col('participants_education', 'antal från skolor och lärosäten', 'number from schools and universities', '', NUMBER, number),
    col('participants_students', 'antal elever och studenter', 'number of pupils and students', '', NUMBER, number),
    col('action_plan', 'titeln på handlingsplanen vars mål aktiviteten tjänar (en plan som tjänar avtalet)', "the title of the action plan whose goal the activity serves (a plan that serves the agreement)", '', 1_000),
    col('goal', 'målets nummer i den planen', "the goal's number in that plan", '', NUMBER, number),
    col('also_serves', `fler avtal aktiviteten tjänar, med id; ${LIST_SV}`, `further agreements the activity serves, by id; ${LIST_EN}`, '', LIST),
    col('swedish_places', `var i Sverige den ägde rum: svenska aktörer, kommunkod, namn eller id; ${LIST_SV}`, `where in Sweden it took place: Swedish bodies, municipality code, name or id; ${LIST_EN}`, '', LIST),
    col('chinese_places', `var i Kina den ägde rum, med orterna de ligger i: Gansu > Lanzhou; ${LIST_SV}`, `where in China it took place, with the places they lie in: Gansu > Lanzhou; ${LIST_EN}`, 'Gansu > Lanzhou', LIST),
    col('sources', CITATIONS_SV, CITATIONS_EN, '', CITATIONS),
  ],
  // One row per contact surface (a tie with China beyond the agreements:
  // investment, procurement, trade, academic cooperation, a Confucius
  // institute, an incident of influence). A surface is its title and its
  // date (several alike are told apart by their order); the bodies, places
  // and sources it links are named as the agreements name theirs.
  contact_surfaces: [
    col('contact_surface', 'kontaktytans titel', "the contact surface's title", 'Konfuciusklassrum på Kalix gymnasium', 500, required),
    col('kind', `slag: ${or(CONTACT_SURFACE_KINDS, 'eller')}`, `kind: ${or(CONTACT_SURFACE_KINDS, 'or')}`, 'confucius', CODE, required),
    col('title_en', 'titeln på engelska', 'the title in English', '', 500),
    col('description', 'beskrivning', 'description', '', 10_000),
    col('description_en', 'beskrivningen på engelska', 'the description in English', '', 10_000),
    col('date', `när den började eller inträffade, ${DATE_SV}`, `when it began or happened, ${DATE_EN}`, '2012', DATE),
    col('end_date', `när den upphörde, ${DATE_SV}`, `when it ended, ${DATE_EN}`, '2019-06', DATE),
    col(
      'actors',
      `svenska aktörer den gäller: kommunkod, namn eller id; högst ${MAX_LINKS}; ${LIST_SV}`,
      `Swedish bodies it concerns: municipality code, name or id; at most ${MAX_LINKS}; ${LIST_EN}`,
      '2514 Kalix kommun',
      LIST,
    ),
    col('places', `orter i Kina den gäller, med orterna de ligger i: Gansu > Lanzhou; högst ${MAX_LINKS}; ${LIST_SV}`, `places in China it concerns, with the places they lie in: Gansu > Lanzhou; at most ${MAX_LINKS}; ${LIST_EN}`, 'Zhejiang', LIST),
    col('sources', `${CITATIONS_SV}; högst ${MAX_LINKS}`, `${CITATIONS_EN}; at most ${MAX_LINKS}`, 'nkk2022: Bilaga', CITATIONS),
    col('visibility', `vem som får läsa den: ${or(VISIBILITIES, 'eller')} (tom cell: shared)`, `who may read it: ${or(VISIBILITIES, 'or')} (empty: shared)`, 'public', CODE),
  ],
  // One row per guidance article in force, as it stands: its current text in
  // both languages, the organisation that keeps it, its review day and the
  // forms that link to it. An article is its address (the slug). Its earlier
  // versions are the next table; the person who keeps it is personal data
  // and never in these files, their organisation is; a withdrawn article is
  // no longer guidance and is left out with its versions (an import never
  // withdraws, reinstates or removes one).
  knowledge_articles: [
    col('article', 'artikelns adress under /kunskap/ (små bokstäver, siffror, bindestreck)', "the article's address under /kunskap/ (lower-case letters, digits, dashes)", 'infor-ett-besok', ID, required),
    col('title', 'titeln på svenska', 'the title in Swedish', 'Inför ett besök från Kina', 300, required),
    col('title_en', 'titeln på engelska', 'the title in English', 'Before a visit from China', 300, required),
    col('text', 'texten på svenska, stycken skilda av en tom rad', 'the text in Swedish, paragraphs separated by an empty line', 'Ta reda på vilka som kommer och vad de vill.', 50_000, required),
    col('text_en', 'texten på engelska', 'the text in English', 'Find out who is coming and what they want.', 50_000, required),
    col('source_note', 'varifrån innehållet kommer', 'where its content comes from', '', 2_000),
    col('owner_organisation', 'organisationen som ansvarar för den: dess kortnamn (som i kommandot ortsband import --organisation) eller namn; tom cell: Ortsbands redaktion', 'the organisation that keeps it: its short name (as in the command ortsband import --organisation) or name; empty: Ortsband\'s editors', '', 300),
    col('review_on', 'granskas senast (ÅÅÅÅ-MM-DD)', 'to be reviewed by (YYYY-MM-DD)', '2027-06-30', DATE, required),
    col('topics', `formulär som länkar till den: ${or(KNOWLEDGE_TOPICS, 'eller')}; ${LIST_SV}`, `forms that link to it: ${or(KNOWLEDGE_TOPICS, 'or')}; ${LIST_EN}`, 'decision_basis | new_agreement', 200),
  ],
  // One row per earlier version of an article in the table before: what it
  // said until it was replaced, numbered 1, 2, … with no gap; the article as
  // it stands is the version after the last. A version is its article and its
  // number. An import writes the versions a register lacks and never rewrites
  // one it has (plan-article-versions.ts).
  knowledge_article_versions: [
    col('version_of', 'adressen till artikeln som versionen är en tidigare version av (artikelns rad ska finnas i knowledge_articles)', "the address of the article this is an earlier version of (the article's row must be in knowledge_articles)", 'infor-ett-besok', ID, required),
    col('version', 'versionens nummer: 1, 2, 3 … utan lucka; artikeln som den ser ut nu är numret efter det sista', "the version's number: 1, 2, 3 … without a gap; the article as it stands is the number after the last", '1', NUMBER, { required: true, number: true }),
    col('title', 'titeln på svenska i den versionen', 'the title in Swedish in that version', 'Inför ett besök', 300, required),
    col('title_en', 'titeln på engelska i den versionen', 'the title in English in that version', 'Before a visit', 300, required),
    col('text', 'texten på svenska i den versionen', 'the text in Swedish in that version', 'Fråga vilka som kommer.', 50_000, required),
    col('text_en', 'texten på engelska i den versionen', 'the text in English in that version', 'Ask who is coming.', 50_000, required),
    col('source_note', 'varifrån innehållet kom', 'where its content came from', '', 2_000),
    col('owner_organisation', 'organisationen som ansvarade för den: kortnamn eller namn; tom cell: ingen', 'the organisation that kept it: short name or name; empty: none', '', 300),
    col('review_on', 'skulle granskas senast (ÅÅÅÅ-MM-DD)', 'was to be reviewed by (YYYY-MM-DD)', '2026-06-30', DATE, required),
    col('replaced_at', 'när versionen ersattes av nästa: datum och klockslag med tidszon (ÅÅÅÅ-MM-DDTHH:MM:SS.sssZ)', 'when the version was replaced by the next: date and time with a time zone (YYYY-MM-DDTHH:MM:SS.sssZ)', '2026-11-02T09:30:00.000Z', DATE, required),
  ],
};

/**
 * The table a header belongs to: the one whose first column it has. A table
 * may name an earlier table's key (activities have `agreement` and
 * `action_plan`), never a later one's, so the last tables are asked first.
 */
export function tableOfHeader(header: readonly string[]): TableName | null {
  return TABLES.findLast((t) => header.includes(COLUMNS[t][0]!.name)) ?? null;
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
