// The coordinators' overview (`/samordning`, `/samordning/lan/<länskod>`,
// `/samordning/region/<slug>`): incoming delegations in the coming months,
// quiet agreements, recent decisions with their reasons, contact surfaces by
// kind and trends per year, each a section with its figures in a table; for a
// signed-in person also how their own organisation's decision bases in scope
// graded each risk area (risk-gradings.ts says why no other organisation's).
import type { CoordinationOverview } from '../../domain/coordination/overview/overview.ts';
import { DECISION_YEARS } from '../../domain/coordination/overview/decisions.ts';
import { INCOMING_MONTHS } from '../../domain/coordination/overview/incoming.ts';
import type { RiskGradings } from '../../domain/coordination/overview/risk-gradings.ts';
import { COUNTIES } from '../../domain/counties.ts';
import { RISK_LEVELS } from '../../db/schema.ts';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { RISK_AREA_NAMES, RISK_LEVEL_NAMES } from './decision-basis-words.ts';

export interface CoordinationPageProps {
  lang: Lang;
  account?: string;
  path: string;
  overview: CoordinationOverview;
  /** The regions of the county the reader may read, linked to their overviews (none on the country's page: its counties link them). */
  regions: Array<{ slug: string; name: string }>;
}

export function CoordinationPage(p: CoordinationPageProps) {
  const { lang, overview: o } = p;
  const sv = lang === 'sv';
  const where = o.scope.kind === 'country' ? (sv ? 'hela Sverige' : 'all of Sweden') : o.scope.name;
  const title = `${sv ? 'Samordning' : 'Coordination'}: ${where}`;
  const agreementLink = (slug: string, party: string, counterpart: string) => <a href={href(lang, `/avtal/${slug}`)}>{`${party} – ${counterpart}`}</a>;
  return (
    <Layout lang={lang} title={title} path={p.path} account={p.account}>
      {o.scope.kind === 'country' ? null : (
        <p>
          <a href={href(lang, '/samordning')}>{sv ? 'Hela Sverige' : 'All of Sweden'}</a>
        </p>
      )}
      <h1>{title}</h1>
      <p class="lead">
        {o.reads === 'public'
          ? sv
            ? 'Översikten bygger på de offentliga uppgifterna i registret. Inloggade ser även det som offentliga organ delar med varandra.'
            : 'The overview is made from the public records of the register. Signed-in people also see what public bodies share with each other.'
          : sv
            ? 'Översikten bygger på offentliga uppgifter och det som offentliga organ delar med varandra, aldrig någon organisations interna uppgifter.'
            : 'The overview is made from the public records and those public bodies share with each other, never an organisation’s internal ones.'}
        {` ${sv ? 'Läget' : 'As of'} ${formatEdtf(o.on, lang)}.`}
      </p>

      <h2 id="delegationer">{sv ? `Inkommande delegationer de närmaste ${INCOMING_MONTHS} månaderna` : `Incoming delegations in the coming ${INCOMING_MONTHS} months`}</h2>
      <p>{sv ? `${o.incoming.total} besök.` : `${o.incoming.total} visits.`}</p>
      {o.incoming.visits.length ? (
        <table>
          <caption>{sv ? 'De första inkommande besöken' : 'The first incoming visits'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'När' : 'When'}</th>
              <th scope="col">{sv ? 'Besök' : 'Visit'}</th>
              <th scope="col">{sv ? 'Avtal' : 'Agreement'}</th>
            </tr>
          </thead>
          <tbody>
            {o.incoming.visits.map((v) => (
              <tr>
                <td>{formatEdtf(v.date, lang)}</td>
                <td>{sv ? v.title : (v.titleEn ?? v.title)}</td>
                <td>{agreementLink(v.agreementSlug, v.partyLabel, v.counterpartLabel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <a href={href(lang, '/besokskalender', { visa: 'lista', ...(o.scope.kind === 'country' ? {} : { county: o.scope.county }), direction: 'incoming' })}>{sv ? 'Alla i besökskalendern' : 'All in the visits calendar'}</a>
      </p>

      <h2 id="tysta">{sv ? 'Tysta avtal' : 'Quiet agreements'}</h2>
      <p>
        {sv
          ? `${o.quiet.total} avtal i kraft utan något tecken på liv under organisationens valda tid (två år om inget annat valts).`
          : `${o.quiet.total} agreements in force with no sign of life for their organisation's chosen time (two years unless chosen otherwise).`}
      </p>
      {o.quiet.agreements.length ? (
        <table>
          <caption>{sv ? 'De längst tysta avtalen' : 'The agreements quiet the longest'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Avtal' : 'Agreement'}</th>
              <th scope="col">{sv ? 'Senaste tecken på liv' : 'Last sign of life'}</th>
            </tr>
          </thead>
          <tbody>
            {o.quiet.agreements.map((q) => (
              <tr>
                <td>{agreementLink(q.slug, q.partyLabel, q.counterpartLabel)}</td>
                <td>{formatEdtf(q.lastSign, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 id="beslut">{sv ? `Beslut de senaste ${DECISION_YEARS} åren` : `Decisions in the last ${DECISION_YEARS} years`}</h2>
      {o.decisions.length === 0 ? (
        <p>{sv ? 'Inga avslut, pauser eller förnyelser registrerade.' : 'No endings, pauses or renewals recorded.'}</p>
      ) : (
        <table>
          <caption>{sv ? 'Avslut, pauser och förnyelser, de senaste först' : 'Endings, pauses and renewals, the latest first'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'När' : 'When'}</th>
              <th scope="col">{sv ? 'Beslut' : 'Decision'}</th>
              <th scope="col">{sv ? 'Avtal' : 'Agreement'}</th>
              <th scope="col">{sv ? 'Beslutande organ' : 'Deciding body'}</th>
              <th scope="col">{sv ? 'Skäl' : 'Reasons'}</th>
            </tr>
          </thead>
          <tbody>
            {o.decisions.map((d) => (
              <tr>
                <td>{formatEdtf(d.date, lang)}</td>
                <td>{label(lang, 'event', d.type)}</td>
                <td>{agreementLink(d.agreementSlug, d.partyLabel, d.counterpartLabel)}</td>
                <td>{[d.decidingBody, d.reference].filter(Boolean).join(', ') || '–'}</td>
                <td>{d.reasons.length ? d.reasons.map((r) => [label(lang, 'reason', r.code), sv ? r.text : (r.textEn ?? r.text)].filter(Boolean).join(': ')).join('; ') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="kontaktytor">{sv ? 'Kontaktytor efter slag' : 'Contact surfaces by kind'}</h2>
      {o.contactSurfaces.length === 0 ? (
        <p>{sv ? 'Inga kontaktytor utöver avtalen är registrerade ännu.' : 'No contact surfaces beyond the agreements are recorded yet.'}</p>
      ) : (
        <table>
          <caption>{sv ? 'Kontaktytor efter slag' : 'Contact surfaces by kind'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Slag' : 'Kind'}</th>
              <th scope="col">{sv ? 'Antal' : 'Number'}</th>
            </tr>
          </thead>
          <tbody>
            {o.contactSurfaces.map((s) => (
              <tr>
                <td>
                  <a href={href(lang, `/kontaktytor?kind=${s.kind}${o.scope.kind === 'country' ? '' : `&county=${o.scope.county}`}`)}>{label(lang, 'contactSurface', s.kind)}</a>
                </td>
                <td class="num">{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {o.riskGradings ? <RiskGradingsTable lang={lang} gradings={o.riskGradings} /> : null}

      <h2 id="trender">{sv ? 'Utvecklingen per år' : 'Trends per year'}</h2>
      <table>
        <caption>{sv ? 'Nya avtal, avslut, pauser och inkommande besök per år' : 'New agreements, endings, pauses and incoming visits per year'}</caption>
        <thead>
          <tr>
            <th scope="col">{sv ? 'År' : 'Year'}</th>
            <th scope="col">{sv ? 'Nya avtal' : 'New agreements'}</th>
            <th scope="col">{sv ? 'Avslut' : 'Endings'}</th>
            <th scope="col">{sv ? 'Pauser' : 'Pauses'}</th>
            <th scope="col">{sv ? 'Inkommande besök' : 'Incoming visits'}</th>
          </tr>
        </thead>
        <tbody>
          {o.trends.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td class="num">{y.established}</td>
              <td class="num">{y.ended}</td>
              <td class="num">{y.paused}</td>
              <td class="num">{y.incomingVisits}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="omraden">{sv ? 'Län och regioner' : 'Counties and regions'}</h2>
      <nav aria-labelledby="omraden">
        <ul class="columns">
          {Object.entries(COUNTIES).sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => (
            <li>
              <a href={href(lang, `/samordning/lan/${code}`)}>{name}</a>
            </li>
          ))}
          {p.regions.map((r) => (
            <li>
              <a href={href(lang, `/samordning/region/${r.slug}`)}>{r.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {p.overview.scope.kind === 'country' ? <p>{sv ? 'Regionernas översikter finns på deras läns sidor.' : "The regions' overviews are linked from their counties' pages."}</p> : null}
      <p>
        <a href={href(lang, '/natverk')}>{sv ? 'Nätverk av offentliga organ' : 'Networks of public bodies'}</a>
      </p>
      <p>
        <a href={href(lang, o.scope.kind === 'country' ? '/api/coordination' : o.scope.kind === 'county' ? `/api/coordination/counties/${o.scope.county}` : `/api/coordination/regions/${o.scope.slug}`)}>
          {sv ? 'Översikten som JSON (API)' : 'The overview as JSON (API)'}
        </a>
      </p>
    </Layout>
  );
}

/** The reader's organisation's decision bases in scope, per risk area and level. */
function RiskGradingsTable({ lang, gradings }: { lang: Lang; gradings: RiskGradings }) {
  const sv = lang === 'sv';
  return (
    <>
      <h2 id="riskbedomningar">{sv ? 'Riskbedömningar i er organisations beslutsunderlag' : "Risk gradings in your organisation's decision bases"}</h2>
      <p>
        {sv
          ? `Beslutsunderlag: ${gradings.bases}, det senaste sparade av varje. Bara er egen organisations underlag räknas: andra organisationers beslutsunderlag läses bara av deras egna.`
          : `Decision bases: ${gradings.bases}, the latest version of each. Only your own organisation's bases are counted: other organisations' decision bases are read by their own people only.`}
      </p>
      {gradings.bases ? (
        <table>
          <caption>{sv ? 'Antal beslutsunderlag per riskområde och nivå' : 'Decision bases by risk area and level'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Riskområde' : 'Risk area'}</th>
              {RISK_LEVELS.map((level) => (
                <th scope="col">{RISK_LEVEL_NAMES[level][lang]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gradings.areas.map((a) => (
              <tr>
                <th scope="row">{RISK_AREA_NAMES[a.area][lang]}</th>
                {RISK_LEVELS.map((level) => (
                  <td class="num">{a.levels[level]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
