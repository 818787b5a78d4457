// The register described as a DCAT-AP-SE catalogue in JSON-LD, for Sveriges
// dataportal (dataportal.se) and the European data portal to harvest: one
// catalogue, one dataset, one distribution per download and the JSON API as
// a data service.
//
// Classes, properties and controlled vocabularies follow DCAT-AP-SE 3.0.1
// (https://docs.dataportal.se/dcat/3.0.1/en/, the Swedish profile of DCAT-AP 3;
// its editor templates in github.com/diggsweden/DCAT-AP-SE, 3.0.1/bundle.json).
// Where the two differ, the comment at the property says which is followed.
// Every value is written out in expanded form ({"@id"}, {"@value","@language"},
// {"@value","@type"}), so the document needs no term definitions beyond the
// prefixes of its @context.
import type { Context } from '../context.ts';
import { registerChangeTimes } from '../data-version.ts';
import { FIRST_YEAR } from '../statistics/units.ts';
import { STATISTIC_TABLE_NAMES, STATISTIC_TABLES } from '../statistics/tables.ts';
import { EDITORIAL_ORGANISATION } from './shipped-data.ts';

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  odrs: 'http://schema.theodi.org/odrs#',
} as const;

/**
 * The data's licence, CC BY 4.0. Written as DCAT-AP-SE's licence list writes
 * it (http, not https): dataportal.se matches the list's URIs exactly. The
 * open-data page links the same deed at https.
 */
export const DATA_LICENCE = 'http://creativecommons.org/licenses/by/4.0/';
/** How to name the source when reusing the data: the catalogue's attribution text and the open-data page's example. */
export const ATTRIBUTION = {
  sv: 'Källa: Ortsband, efter rapporten ”Lokal frost i relationerna” (Nationellt kunskapscentrum om Kina, 2022)',
  en: 'Source: Ortsband, after the report “Lokal frost i relationerna” (Swedish National China Centre, 2022)',
} as const;
/** DCAT-AP-SE requires the catalogue's own licence (that of the metadata) to be CC0. */
export const METADATA_LICENCE = 'http://creativecommons.org/publicdomain/zero/1.0/';

const EU = 'http://publications.europa.eu/resource/authority';
const FILE_TYPES = {
  CSV: 'text/csv',
  JSON: 'application/json',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type FileType = keyof typeof FILE_TYPES;

type Text = { sv: string; en: string };
const id = (uri: string) => ({ '@id': uri });
const texts = (t: Text) => [
  { '@value': t.sv, '@language': 'sv' },
  { '@value': t.en, '@language': 'en' },
];
const typed = (value: string, type: 'xsd:date' | 'xsd:dateTime' | 'xsd:gYear') => ({ '@value': value, '@type': type });

interface Download {
  key: string;
  path: string;
  fileType: FileType;
  title: Text;
  description: Text;
}

const STATISTICS_NOTE: Text = {
  sv: 'Räknat med rapportens räkneregel; en annan regel väljs med parametern rule (se API-beskrivningen).',
  en: "Counted under the report's counting rule; choose another with the rule parameter (see the API description).",
};

/** Every file the register offers for download, in the order the open-data page lists them. */
export const DOWNLOADS: readonly Download[] = [
  {
    key: 'agreements-csv',
    path: '/api/agreements.csv',
    fileType: 'CSV',
    title: { sv: 'Alla avtal som CSV', en: 'All agreements as CSV' },
    description: {
      sv: 'En rad per offentligt avtal: svensk part, motpart, avtalsform, officiell benämning, etableringsår och status i dag. Listans filter fungerar som parametrar.',
      en: "One row per public agreement: Swedish party, counterpart, kind, official title, year established and today's status. The list's filters work as parameters.",
    },
  },
  {
    key: 'export-json',
    path: '/api/export.json',
    fileType: 'JSON',
    title: { sv: 'Hela det offentliga registret som JSON', en: 'The whole public register as JSON' },
    description: {
      sv: 'Svenska parter, kinesiska motparter och varje avtal med händelser, beslut, skäl, citat och källor; offentliga kontaktytor och kunskapsbankens gällande artiklar.',
      en: 'Swedish parties, Chinese counterparts and every agreement with its events, decisions, reasons, quotations and sources; public contact surfaces and the knowledge base’s articles in force.',
    },
  },
  ...STATISTIC_TABLE_NAMES.map((name) => ({
    key: `statistics-${name}-csv`,
    path: `/api/statistics/${name}.csv`,
    fileType: 'CSV' as const,
    title: { sv: `Statistik: ${STATISTIC_TABLES[name].sv} (CSV)`, en: `Statistics: ${STATISTIC_TABLES[name].en} (CSV)` },
    description: STATISTICS_NOTE,
  })),
  // The exchange format: the import's own columns, so a file can be read back in.
  {
    key: 'exchange-agreements-csv',
    path: '/api/exchange/agreements.csv',
    fileType: 'CSV',
    title: { sv: 'Avtal i utbytesformatet (CSV)', en: 'Agreements in the exchange format (CSV)' },
    description: { sv: 'Alla offentliga avtal med importens kolumner.', en: "Every public agreement in the import's columns." },
  },
  {
    key: 'exchange-agreements-xlsx',
    path: '/api/exchange/register.xlsx',
    fileType: 'XLSX',
    title: { sv: 'Registret i utbytesformatet (Excel)', en: 'The register in the exchange format (Excel)' },
    description: { sv: 'Alla offentliga avtal med importens kolumner, som kalkylblad.', en: "Every public agreement in the import's columns, as a spreadsheet." },
  },
  {
    key: 'exchange-register-json',
    path: '/api/exchange/register.json',
    fileType: 'JSON',
    title: { sv: 'Registret i utbytesformatet (JSON)', en: 'The register in the exchange format (JSON)' },
    description: { sv: 'Hela det offentliga registret med importens fält.', en: "The whole public register in the import's fields." },
  },
];

export interface CatalogueInput {
  /** The site's origin as the request saw it, e.g. "https://ortsband.example"; no trailing slash needed. */
  baseUrl: string;
  /** Today in Stockholm (YYYY-MM-DD): the end of the dataset's time period. */
  today: string;
  /** The register's first and last change (audit entries); null while it is empty. */
  issued: Date | null;
  modified: Date | null;
  /** The contact point's e-mail (DCAT-AP-SE requires one); omitted when not configured. */
  contactEmail?: string | undefined;
}

/** The catalogue as a JSON-LD document. Pure: everything it depends on is in `input`. */
export function buildDcatCatalogue(input: CatalogueInput) {
  const base = input.baseUrl.replace(/\/+$/, '');
  const doc = `${base}/api/dcat.jsonld`;
  const landingPage = id(`${base}/oppna-data`);
  const changes = {
    ...(input.issued ? { 'dct:issued': typed(input.issued.toISOString(), 'xsd:dateTime') } : {}),
    ...(input.modified ? { 'dct:modified': typed(input.modified.toISOString(), 'xsd:dateTime') } : {}),
  };

  // The same node object wherever it is used: JSON-LD merges repeats of one @id.
  const publisher = {
    '@id': `${doc}#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': texts({ sv: EDITORIAL_ORGANISATION.name, en: 'Ortsband (editorial team)' }),
    'foaf:homepage': id(`${base}/`),
    // DCAT-AP-SE also asks for dct:type from the ADMS publisher types; which
    // applies depends on who runs the register, so it is left out until that is known.
  };
  const contactPoint = {
    '@id': `${doc}#contact`,
    '@type': 'vcard:Organization',
    'vcard:fn': EDITORIAL_ORGANISATION.name,
    'vcard:hasURL': landingPage,
    ...(input.contactEmail ? { 'vcard:hasEmail': id(`mailto:${input.contactEmail}`) } : {}),
  };
  const rights = {
    '@id': `${doc}#rights`,
    '@type': 'odrs:RightsStatement',
    'odrs:attributionText': texts(ATTRIBUTION),
    'odrs:attributionURL': landingPage,
  };
  const licence = id(DATA_LICENCE);
  const publicAccess = id(`${EU}/access-right/PUBLIC`);

  const dataService = {
    '@id': `${doc}#api`,
    '@type': 'dcat:DataService',
    'dct:title': texts({ sv: 'Ortsbands API', en: 'Ortsband API' }),
    'dct:description': texts({
      sv: 'JSON-API för avtal, svenska parter, kinesiska motparter och statistik, med samma sökning och filter som webbplatsen. Beskrivs med OpenAPI 3.1.',
      en: 'JSON API for agreements, Swedish parties, Chinese counterparts and statistics, with the same search and filters as the site. Described in OpenAPI 3.1.',
    }),
    'dcat:endpointURL': id(`${base}/api`),
    'dcat:endpointDescription': id(`${base}/api/openapi.json`),
    'dct:conformsTo': id('https://spec.openapis.org/oas/v3.1.0'),
    // DCAT-AP-SE's architectural styles are Wikidata items; this one is REST.
    'dct:type': id('http://www.wikidata.org/entity/Q749568'),
    'dct:format': id(`${EU}/file-type/JSON`),
    'dcat:servesDataset': id(`${doc}#dataset`),
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dct:license': licence,
    'dct:accessRights': publicAccess,
    'dcat:landingPage': landingPage,
  };

  const distribution = (d: Download) => ({
    '@id': `${doc}#${d.key}`,
    '@type': 'dcat:Distribution',
    'dct:title': texts(d.title),
    'dct:description': texts(d.description),
    'dcat:accessURL': id(`${base}${d.path}`),
    'dcat:downloadURL': id(`${base}${d.path}`),
    // DCAT-AP 3: dct:format from the EU file-type list, dcat:mediaType from IANA.
    // DCAT-AP-SE 3.0.1 leaves dcat:mediaType out (it is still harvested and passed
    // on to the European portal) and its editor writes dct:format as the media
    // type itself ("text/csv"); the EU URI is what DCAT-AP asks for.
    'dct:format': id(`${EU}/file-type/${d.fileType}`),
    'dcat:mediaType': id(`https://www.iana.org/assignments/media-types/${FILE_TYPES[d.fileType]}`),
    'dct:license': licence,
    'dct:rights': rights,
  });
  const apiDistribution = {
    '@id': `${doc}#api-json`,
    '@type': 'dcat:Distribution',
    'dct:title': texts({ sv: 'Avtalen genom API:t (JSON)', en: 'The agreements through the API (JSON)' }),
    'dct:description': texts({
      sv: 'Sökning, filter och registret per dag som JSON, sida för sida; se API-beskrivningen för fler resurser.',
      en: 'Search, filters and the register on a day as JSON, page by page; see the API description for more resources.',
    }),
    'dcat:accessURL': id(`${base}/api/agreements`),
    'dcat:accessService': id(dataService['@id']),
    'dct:format': id(`${EU}/file-type/JSON`),
    'dcat:mediaType': id(`https://www.iana.org/assignments/media-types/${FILE_TYPES.JSON}`),
    'dct:license': licence,
    'dct:rights': rights,
  };

  const dataset = {
    '@id': `${doc}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:title': texts({ sv: 'Svenska offentliga aktörers samarbetsavtal med Kina', en: "Swedish public bodies' agreements with China" }),
    'dct:description': texts({
      sv: `Svenska kommuners, regioners och länsstyrelsers vänortssamarbeten och kommunala partnerskap med kinesiska städer och provinser sedan ${FIRST_YEAR}: parterna, avtalsformen, statusen över tid med händelser, beslut och angivna skäl, och källan till varje uppgift.`,
      en: `Twinning agreements and municipal partnerships between Swedish municipalities, regions and county administrative boards and Chinese cities and provinces since ${FIRST_YEAR}: the parties, the kind of agreement, its status over time with events, decisions and the reasons given, and the source of every fact.`,
    }),
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dcat:keyword': [
      ...['vänort', 'vänortssamarbete', 'kommunalt partnerskap', 'Kina', 'kommuner', 'regioner', 'länsstyrelser', 'internationellt samarbete'].map((k) => ({ '@value': k, '@language': 'sv' })),
      ...['twinning', 'sister cities', 'municipal partnership', 'China', 'municipalities', 'regions', 'county administrative boards', 'international cooperation'].map((k) => ({ '@value': k, '@language': 'en' })),
    ],
    // EU data themes: Government and public sector; International issues; Regions and cities.
    'dcat:theme': ['GOVE', 'INTR', 'REGI'].map((theme) => id(`${EU}/data-theme/${theme}`)),
    ...changes,
    'dct:language': id(`${EU}/language/SWE`),
    'dcat:landingPage': landingPage,
    'dct:spatial': ['SWE', 'CHN'].map((country) => id(`${EU}/country/${country}`)),
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': typed(String(FIRST_YEAR), 'xsd:gYear'),
      'dcat:endDate': typed(input.today, 'xsd:date'),
    },
    // Changed whenever an editor records an event, not on a schedule.
    'dct:accrualPeriodicity': id(`${EU}/frequency/IRREG`),
    // Event dates are EDTF (ISO 8601-2), at the precision the source gives.
    'dct:conformsTo': id('https://www.loc.gov/standards/datetime/'),
    'dct:accessRights': publicAccess,
    'dct:provenance': {
      '@type': 'dct:ProvenanceStatement',
      // DCAT-AP-SE writes the statement as dct:description (DCAT-AP uses rdfs:label).
      'dct:description': texts({
        sv: 'De levererade uppgifterna bygger på rapporten ”Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina” (Nationellt kunskapscentrum om Kina, Utrikespolitiska institutet, 2022), dess bilaga och fotnoter, och på fyra andra källdokument. Varje uppgift anger sin källa. Bilagan och SCB-koderna är inmatade två gånger oberoende av varandra och avstämda; där rapportens text och tabell skiljer sig redovisas båda.',
        en: 'The shipped data derive from the report “Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina” (Swedish National China Centre, Swedish Institute of International Affairs, 2022), its appendix and footnotes, and four other source documents. Every fact names its source. The appendix and the SCB codes were keyed twice, independently, and reconciled; where the report\'s text and table disagree, both are recorded.',
      }),
    },
    'dcat:distribution': [...DOWNLOADS.map(distribution), apiDistribution],
  };

  return {
    '@context': DCAT_CONTEXT,
    '@id': `${doc}#catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': texts({ sv: 'Ortsband', en: 'Ortsband' }),
    'dct:description': texts({
      sv: 'Register över svenska kommuners, regioners och länsstyrelsers samarbeten med Kina, med historik, beslut, skäl och källor, som öppna data.',
      en: "Register of Swedish municipalities', regions' and county boards' cooperation with China, with its history, decisions, reasons and sources, as open data.",
    }),
    'dct:publisher': publisher,
    'foaf:homepage': id(`${base}/`),
    'dct:language': ['SWE', 'ENG'].map((language) => id(`${EU}/language/${language}`)),
    'dct:license': id(METADATA_LICENCE),
    ...changes,
    'dcat:themeTaxonomy': id(`${EU}/data-theme`),
    'dcat:dataset': [dataset],
    'dcat:service': [dataService],
  };
}

/** The catalogue with the register's first and last change read from the audit log. */
export async function dcatCatalogue(ctx: Context, input: Omit<CatalogueInput, 'issued' | 'modified'>) {
  // Only change times are read, no records: nothing here is hidden from anyone.
  const { first, last } = await registerChangeTimes(ctx);
  return buildDcatCatalogue({ ...input, issued: first, modified: last });
}
