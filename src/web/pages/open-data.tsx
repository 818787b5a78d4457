// The open-data page: what can be downloaded or fetched, under which licence,
// how to name the source, and where the machine-readable description is.
import { html } from 'hono/html';
import { ATTRIBUTION } from '../../domain/transfer/dcat.ts';
import { COLUMNS, TABLES } from '../../domain/transfer/exchange/format.ts';
import { t, type Lang } from '../i18n.ts';
import { Layout } from '../layout.tsx';

// The human-readable deed of the licence the catalogue names (DATA_LICENCE), in the reader's language.
const DEED = { sv: 'https://creativecommons.org/licenses/by/4.0/deed.sv', en: 'https://creativecommons.org/licenses/by/4.0/' };

/** `origin`: the site's address as the request saw it, for the attribution example. */
export function OpenDataPage(props: { lang: Lang; origin: string }) {
  const { lang } = props;
  const sv = lang === 'sv';
  const head = html`<link rel="alternate" type="application/ld+json" href="/api/dcat.jsonld" title="${sv ? 'Datamängden enligt DCAT-AP-SE' : 'The dataset in DCAT-AP-SE'}"/>`;
  return (
    <Layout lang={lang} title={t(lang, 'openData')} path="/oppna-data" head={head}>
      <h1>{t(lang, 'openData')}</h1>
      <p>
        {sv ? 'Allt offentligt i registret kan laddas ned och hämtas maskinellt, fritt att använda enligt licensen CC BY 4.0 ' : 'Everything public in the register can be downloaded and fetched by machines, free to use under the CC BY 4.0 licence '}
        <a href="#licens">{sv ? '(se Licens och källa)' : '(see Licence and source)'}</a>.
      </p>
      <ul>
        <li><a href="/api/agreements.csv">{sv ? 'Alla avtal som CSV' : 'All agreements as CSV'}</a> (/api/agreements.csv)</li>
        <li><a href="/api/export.json">{sv ? 'Hela det offentliga registret som JSON' : 'The whole public register as JSON'}</a> (/api/export.json)</li>
        <li><a href="/api/knowledge/articles">{sv ? 'Kunskapsbankens gällande artiklar som JSON, på svenska och engelska' : 'The knowledge base’s articles in force as JSON, in Swedish and English'}</a> (/api/knowledge/articles)</li>
        <li><a href="/api/openapi.json">{sv ? 'API-beskrivning (OpenAPI 3.1)' : 'API description (OpenAPI 3.1)'}</a> (/api/openapi.json)</li>
        <li>
          <a href="/api/dcat.jsonld" type="application/ld+json">{sv ? 'Beskrivning av datamängden och alla nedladdningar enligt DCAT-AP-SE (JSON-LD), för Sveriges dataportal' : 'Description of the dataset and every download in DCAT-AP-SE (JSON-LD), for the Swedish data portal'}</a> (/api/dcat.jsonld)
        </li>
      </ul>
      <p>{sv ? 'Listans filter fungerar likadant i API:t: /api/agreements?q=suzhou&status=in_force&on=2016-12-31.' : 'The list filters work the same in the API: /api/agreements?q=suzhou&status=in_force&on=2016-12-31.'}</p>

      <section aria-labelledby="utbytesformat">
        <h2 id="utbytesformat">{sv ? 'Utbytesformatet: samma kolumner ut och in' : 'The exchange format: the same columns out and in'}</h2>
        <p>
          {sv
            ? 'Registret i de kolumner som importen läser, så att en fil kan läsas in igen (kommandot ortsband import). Nio tabeller: källor, svenska aktörer, motparter, avtal med en rad per händelse, handlingsplaner med en rad per mål, aktiviteter, kontaktytor, kunskapsbankens vägledande artiklar (de som gäller, med sin nuvarande text) och deras tidigare versioner, en rad per version. CSV-filerna är UTF-8 med BOM; välj semikolon för Excel med svenska inställningar.'
            : 'The register in the columns the import reads, so that a file can be read back in (the command ortsband import). Nine tables: sources, Swedish actors, counterparts, agreements with one row per event, action plans with one row per goal, activities, contact surfaces, the knowledge base\'s guidance articles (those in force, with their current text) and their earlier versions, one row per version. The CSV files are UTF-8 with a BOM; choose semicolons for Excel with Swedish settings.'}
        </p>
        <ul>
          {TABLES.map((table) => (
            <li>
              <a href={`/api/exchange/${table}.csv`}>{`${table}.csv`}</a>
              {' · '}
              <a href={`/api/exchange/${table}.csv?sep=semicolon`}>{sv ? `${table}.csv med semikolon` : `${table}.csv with semicolons`}</a>
            </li>
          ))}
          <li><a href="/api/exchange/register.xlsx">{sv ? 'Hela registret som Excel-arbetsbok (ett blad per tabell)' : 'The whole register as an Excel workbook (a sheet per table)'}</a></li>
          <li><a href="/api/exchange/register.json">{sv ? 'Hela registret som JSON' : 'The whole register as JSON'}</a></li>
          <li>
            {sv ? 'Mallar för import: ' : 'Templates for an import: '}
            <a href="/api/exchange/template.xlsx">{sv ? 'Excel-mall med anvisningar' : 'Excel template with instructions'}</a>
            {TABLES.map((table) => (
              <>
                {' · '}
                <a href={`/api/exchange/template/${table}.csv`}>{`${table}.csv`}</a>
              </>
            ))}
          </li>
        </ul>
        <p>
          {sv
            ? 'En import med något fel läser inte in något; en provkörning (--dry-run) visar rad för rad vad som skulle skapas, ändras eller lämnas orört, och varje fel med rad och kolumn. Samma fil två gånger ändrar ingenting andra gången. Flera värden i en cell skiljs med |. Citat, avvikelser och namnbyten ingår inte i formatet; de finns i /api/export.json.'
            : 'An import with any problem reads in nothing; a dry run (--dry-run) shows row by row what would be created, changed or left alone, and every problem with its row and column. The same file twice changes nothing the second time. Several values in one cell are separated by |. Quotations, discrepancies and renamings are not in the format; they are in /api/export.json.'}
        </p>
        {TABLES.map((table) => (
          <div class="wide">
            <table>
              <caption>{sv ? `Kolumner i tabellen ${table}` : `Columns of the ${table} table`}</caption>
              <thead>
                <tr>
                  <th scope="col">{sv ? 'Kolumn' : 'Column'}</th>
                  <th scope="col">{sv ? 'Innehåll' : 'Content'}</th>
                  <th scope="col">{sv ? 'Exempel' : 'Example'}</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS[table].map((c) => (
                  <tr>
                    <th scope="row"><code>{c.name}</code>{c.required ? (sv ? ' (krävs)' : ' (required)') : ''}</th>
                    <td>{sv ? c.sv : c.en}</td>
                    <td>{c.example}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section aria-labelledby="licens">
        <h2 id="licens">{sv ? 'Licens och källa' : 'Licence and source'}</h2>
        <p>
          {sv ? 'Registrets data – nedladdningarna, API:t och statistiken – publiceras under ' : "The register's data – the downloads, the API and the statistics – are published under "}
          <a href={DEED[lang]}>{sv ? 'Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)' : 'Creative Commons Attribution 4.0 International (CC BY 4.0)'}</a>
          {sv
            ? '. Du får kopiera, bearbeta och sprida dem, även kommersiellt, om du anger källan och talar om ifall du har ändrat något.'
            : '. You may copy, adapt and share them, commercially too, if you name the source and say whether you changed anything.'}
        </p>
        <p>{sv ? 'Ange källan till exempel så här:' : 'Name the source, for example:'}</p>
        <blockquote>
          <p>{`${ATTRIBUTION[lang]}, ${props.origin}/oppna-data, CC BY 4.0.`}</p>
        </blockquote>
        {sv ? (
          <p>
            De levererade uppgifterna bygger på rapporten ”Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina” av Nationellt kunskapscentrum om Kina (NKK), 2022, och fyra andra källdokument. Varje uppgift anger sin källa, med rad eller fotnot där rapporten ger den; använder du en enskild uppgift, citera gärna också den källan.
          </p>
        ) : (
          <p>
            The shipped data derive from the report “<span lang="sv">Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina</span>” by the Swedish National China Centre (<span lang="sv">Nationellt kunskapscentrum om Kina</span>, NKK), 2022, and four other source documents. Every fact names its source, with the row or footnote where the report gives one; when you use a single fact, please cite that source too.
          </p>
        )}
        <p class="hint">{sv ? 'Ortsbands programkod har en egen licens, EUPL-1.2.' : "Ortsband's program code has a licence of its own, EUPL-1.2."}</p>
      </section>
    </Layout>
  );
}
