// The interface's words: Swedish first, English second. Names of places and
// bodies are never translated; they keep their own script.
import { tryGetContext } from 'hono/context-storage';
import type { HttpEnv } from '../http/query.ts';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Words = Record<string, { sv: string; en: string }>;

const words = {
  siteName: { sv: 'Ortsband', en: 'Ortsband' },
  tagline: { sv: 'Register över svenska kommuners, regioners och länsstyrelsers samarbeten med Kina', en: "Register of Swedish municipalities', regions' and county boards' cooperation with China" },
  skip: { sv: 'Hoppa till innehållet', en: 'Skip to content' },
  home: { sv: 'Start', en: 'Home' },
  agreements: { sv: 'Avtal', en: 'Agreements' },
  agreement: { sv: 'Avtal', en: 'Agreement' },
  actors: { sv: 'Svenska parter', en: 'Swedish parties' },
  counterparts: { sv: 'Kinesiska motparter', en: 'Chinese counterparts' },
  statistics: { sv: 'Statistik', en: 'Statistics' },
  map: { sv: 'Karta', en: 'Map' },
  visitsCalendar: { sv: 'Besökskalender', en: 'Visits' },
  networks: { sv: 'Nätverk', en: 'Networks' },
  openData: { sv: 'Öppna data och API', en: 'Open data and API' },
  switchLang: { sv: 'In English', en: 'På svenska' },
  search: { sv: 'Sök', en: 'Search' },
  searchHint: { sv: 'Ort, part eller avtal, i latinsk skrift eller 汉字', en: 'Place, party or agreement, in Latin script or 汉字' },
  filter: { sv: 'Filtrera', en: 'Filter' },
  clear: { sv: 'Rensa', en: 'Clear' },
  any: { sv: 'Alla', en: 'Any' },
  actorKind: { sv: 'Typ av svensk part', en: 'Kind of Swedish party' },
  county: { sv: 'Län', en: 'County' },
  status: { sv: 'Status', en: 'Status' },
  kind: { sv: 'Avtalsform', en: 'Kind of agreement' },
  province: { sv: 'Provins eller ort', en: 'Province or place' },
  establishedFrom: { sv: 'Etablerat från år', en: 'Established from year' },
  establishedTo: { sv: 'till år', en: 'to year' },
  on: { sv: 'Registret per dag', en: 'The register on day' },
  provincesOnlyHint: { sv: 'Provinserna; sök en stad på dess namn i sökfältet', en: 'The provinces; find a city by its name in the search field' },
  onHint: { sv: 'ÅÅÅÅ-MM-DD; tomt = i dag', en: 'YYYY-MM-DD; empty = today' },
  sort: { sv: 'Sortering', en: 'Sort by' },
  party: { sv: 'Svensk part', en: 'Swedish party' },
  counterpart: { sv: 'Motpart', en: 'Counterpart' },
  established: { sv: 'Etablerat', en: 'Established' },
  title: { sv: 'Officiell benämning', en: 'Official title' },
  results: { sv: 'träffar', en: 'results' },
  result: { sv: 'träff', en: 'result' },
  noResults: { sv: 'Inga avtal matchar filtren.', en: 'No agreements match the filters.' },
  page: { sv: 'Sida', en: 'Page' },
  of: { sv: 'av', en: 'of' },
  previous: { sv: 'Föregående', en: 'Previous' },
  next: { sv: 'Nästa', en: 'Next' },
  timeline: { sv: 'Tidslinje', en: 'Timeline' },
  reasons: { sv: 'Skäl', en: 'Reasons' },
  decidedBy: { sv: 'Beslutande', en: 'Decided by' },
  reference: { sv: 'Paragraf', en: 'Section' },
  caseNumber: { sv: 'Diarienummer', en: 'Case number' },
  side: { sv: 'Sida', en: 'Side' },
  mode: { sv: 'Sätt', en: 'How' },
  sources: { sv: 'Källor', en: 'Sources' },
  quotations: { sv: 'Citat', en: 'Quotations' },
  otherNames: { sv: 'Även känd som', en: 'Also known as' },
  ourTranslation: { sv: 'Ortsbands översättning', en: 'Ortsband’s translation' },
  passageOriginal: { sv: 'Ortsbands översättning; originalet', en: 'Ortsband’s translation; the original' },
  discrepancies: { sv: 'Källorna säger olika', en: 'Sources disagree' },
  recorded: { sv: 'I registret', en: 'In the register' },
  otherValue: { sv: 'Annan uppgift', en: 'Other statement' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  actionPlans: { sv: 'Handlingsplaner', en: 'Action plans' },
  themes: { sv: 'Tematiska områden', en: 'Thematic areas' },
  funding: { sv: 'Finansiering', en: 'Funding' },
  responsible: { sv: 'Ansvar', en: 'Responsibility' },
  term: { sv: 'Löptid', en: 'Term' },
  renewal: { sv: 'Förnyelse', en: 'Renewal' },
  signedOn: { sv: 'Undertecknat', en: 'Signed' },
  parentAgreement: { sv: 'Överordnat avtal', en: 'Parent agreement' },
  childAgreements: { sv: 'Underordnade avtal', en: 'Agreements under this one' },
  parties: { sv: 'Parter', en: 'Parties' },
  inside: { sv: 'ligger i', en: 'lies in' },
  placesInside: { sv: 'Orter inom', en: 'Places within' },
  bodies: { sv: 'Svenska parter som haft avtal här', en: 'Swedish bodies with agreements here' },
  successions: { sv: 'Föregångare och efterträdare', en: 'Predecessors and successors' },
  inForce: { sv: 'Pågående', en: 'In force' },
  total: { sv: 'Totalt', en: 'Total' },
  endedCount: { sv: 'Avslutade', en: 'Ended' },
  pausedCount: { sv: 'Pausade', en: 'Paused' },
  year: { sv: 'År', en: 'Year' },
  rule: { sv: 'Räkneregel', en: 'Counting rule' },
  apply: { sv: 'Visa', en: 'Show' },
  reportSays: { sv: 'Rapporten säger', en: 'The report says' },
  dataGives: { sv: 'Registret ger', en: 'The register gives' },
  why: { sv: 'Varför', en: 'Why' },
  agrees: { sv: 'stämmer', en: 'agrees' },
  differs: { sv: 'skiljer sig', en: 'differs' },
  downloadCsv: { sv: 'Ladda ned som CSV', en: 'Download as CSV' },
  speaker: { sv: 'Talare', en: 'Speaker' },
  notFound: { sv: 'Sidan finns inte', en: 'Page not found' },
  badRequest: { sv: 'Felaktig förfrågan', en: 'Bad request' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  code: { sv: 'Kod', en: 'Code' },
  level: { sv: 'Nivå', en: 'Level' },
  yearUnknown: { sv: 'okänt år', en: 'year unknown' },
} satisfies Words;

export type WordKey = keyof typeof words;
export const t = (lang: Lang, key: WordKey) => words[key][lang];

const labels = {
  status: {
    planned: { sv: 'Planerat', en: 'Planned' },
    active: { sv: 'Aktivt', en: 'Active' },
    dormant: { sv: 'Vilande', en: 'Dormant' },
    paused: { sv: 'Pausat', en: 'Paused' },
    partly_ended: { sv: 'Delvis avslutat', en: 'Partly ended' },
    ended: { sv: 'Avslutat', en: 'Ended' },
    in_force: { sv: 'Pågående (aktivt, vilande, pausat eller delvis avslutat)', en: 'In force (active, dormant, paused or partly ended)' },
  },
  event: {
    planned: { sv: 'Planeras', en: 'Planned' },
    established: { sv: 'Etablerat', en: 'Established' },
    renewed: { sv: 'Förnyat', en: 'Renewed' },
    activity_observed: { sv: 'Aktivitet noterad', en: 'Activity observed' },
    dormant: { sv: 'Vilande', en: 'Dormant' },
    paused: { sv: 'Pausat', en: 'Paused' },
    resumed: { sv: 'Återupptaget', en: 'Resumed' },
    partly_ended: { sv: 'Delvis avslutat', en: 'Partly ended' },
    ended: { sv: 'Avslutat', en: 'Ended' },
  },
  actorKind: {
    kommun: { sv: 'Kommun', en: 'Municipality' },
    region: { sv: 'Region', en: 'Region' },
    lansstyrelse: { sv: 'Länsstyrelse', en: 'County administrative board' },
    regionforbund: { sv: 'Regionförbund', en: 'Regional association' },
    municipal_company: { sv: 'Kommunalt eller regionalt bolag', en: 'Municipal or regional company' },
    university: { sv: 'Lärosäte', en: 'University' },
    business_organisation: { sv: 'Näringslivsorganisation', en: 'Business organisation' },
    friendship_association: { sv: 'Vänskapsförening', en: 'Friendship association' },
    other: { sv: 'Annan', en: 'Other' },
  },
  kind: {
    vanort: { sv: 'Vänortssamarbete', en: 'Twinning' },
    kommunalt_partnerskap: { sv: 'Kommunalt partnerskap', en: 'Municipal partnership' },
  },
  reason: {
    democracy_human_rights: { sv: 'Demokrati och mänskliga rättigheter i Kina', en: 'Democracy and human rights in China' },
    chinese_state_actions: { sv: 'Den kinesiska statens agerande mot Sverige', en: "The Chinese state's actions against Sweden" },
    lack_of_activity: { sv: 'Bristande aktivitet', en: 'Lack of activity' },
    other: { sv: 'Annat', en: 'Other' },
  },
  statedBy: {
    decision_maker: { sv: 'angivet i beslutet', en: 'given in the decision' },
    representative: { sv: 'angivet av företrädare', en: 'given by representatives' },
    opposition: { sv: 'angivet av oppositionen', en: 'given by the opposition' },
  },
  side: {
    swedish: { sv: 'svenska sidan', en: 'the Swedish side' },
    counterpart: { sv: 'kinesiska sidan', en: 'the Chinese side' },
    both: { sv: 'båda sidor', en: 'both sides' },
  },
  mode: {
    decision: { sv: 'genom beslut', en: 'by decision' },
    non_renewal: { sv: 'genom att inte förlängas', en: 'by not being renewed' },
    expiry: { sv: 'genom att löpa ut', en: 'by expiry' },
    faded_out: { sv: 'rann ut i sanden', en: 'faded out' },
  },
  role: {
    party: { sv: 'part', en: 'party' },
    original_signatory: { sv: 'ursprunglig undertecknare', en: 'original signatory' },
    co_financier: { sv: 'medfinansiär', en: 'co-financier' },
    participant: { sv: 'deltagare', en: 'participant' },
  },
  level: {
    country: { sv: 'land', en: 'country' },
    province: { sv: 'provins', en: 'province' },
    autonomous_region: { sv: 'autonom region', en: 'autonomous region' },
    municipality: { sv: 'direktstyrd stad', en: 'municipality under the central government' },
    sar: { sv: 'särskild administrativ region', en: 'special administrative region' },
    prefecture_city: { sv: 'stad på prefekturnivå', en: 'prefecture-level city' },
    autonomous_prefecture: { sv: 'autonom prefektur', en: 'autonomous prefecture' },
    county: { sv: 'härad', en: 'county' },
    county_city: { sv: 'stad på häradsnivå', en: 'county-level city' },
    district: { sv: 'distrikt', en: 'district' },
    other: { sv: 'annan', en: 'other' },
  },
  field: {
    established: { sv: 'Etableringsår', en: 'Year established' },
    ended: { sv: 'Avslutsår', en: 'Year ended' },
    term: { sv: 'Löptid', en: 'Term' },
    kind: { sv: 'Avtalsform', en: 'Kind of agreement' },
    official_title: { sv: 'Officiell benämning', en: 'Official title' },
    deciding_body: { sv: 'Beslutande organ', en: 'Deciding body' },
    dormant: { sv: 'Vilande sedan', en: 'Dormant since' },
  },
  activity: {
    visit_outgoing: { sv: 'Besök i Kina', en: 'Visit to China' },
    visit_incoming: { sv: 'Besök i Sverige', en: 'Visit to Sweden' },
    meeting: { sv: 'Möte', en: 'Meeting' },
    meeting_digital: { sv: 'Digitalt möte', en: 'Digital meeting' },
    project: { sv: 'Projekt', en: 'Project' },
    exchange: { sv: 'Utbyte', en: 'Exchange' },
    event: { sv: 'Evenemang', en: 'Event' },
  },
} satisfies Record<string, Words>;

/**
 * The name of a coded value. A kind of agreement is named as the register
 * keeps it (an administrator adds and renames kinds; read once per request,
 * app.ts), else as here; an unknown code shows as itself.
 */
export function label(lang: Lang, group: keyof typeof labels, code: string): string {
  const kept = group === 'kind' ? (tryGetContext<HttpEnv>()?.get('kindNames')?.get(code)) : undefined;
  if (kept) return kept[lang];
  const entry = (labels[group] as Words)[code];
  return entry ? entry[lang] : code;
}

export { COUNTIES } from '../domain/counties.ts';
