import type { InForceYear } from '../../domain/statistics/in-force-per-year.ts';
import { formatNumber } from '../format.ts';
import { t, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';

export interface KeyFigures {
  agreements: number;
  inForceNow: number;
  endedSince2017: number;
  pausedSince2017: number;
  actors: number;
  counterparts: number;
  peak: InForceYear;
  /** The latest year the register's events and sources speak of (known-until.ts). */
  sourcesEnd: number | null;
}

export function HomePage(props: { lang: Lang; figures: KeyFigures }) {
  const { lang, figures: f } = props;
  const item = (n: number, text: string, link: string) => (
    <li>
      <strong>{formatNumber(n, lang)}</strong>
      <a href={link}>{text}</a>
    </li>
  );
  return (
    <Layout lang={lang} title={t(lang, 'home')} path="/">
      <h1>{lang === 'sv' ? 'Svenska offentliga organs samarbeten med Kina' : "Swedish public bodies' cooperation with China"}</h1>
      <p>
        {lang === 'sv'
          ? 'Ortsband samlar vänortssamarbeten och kommunala partnerskap mellan svenska kommuner, regioner och länsstyrelser och kinesiska städer och provinser sedan 1986, med hela historiken och källan till varje uppgift.'
          : 'Ortsband collects the twinnings and municipal partnerships between Swedish municipalities, regions and county boards and Chinese cities and provinces since 1986, with their whole history and the source of every fact.'}
      </p>
      <form method="get" action="/avtal" role="search">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <label for="home-q">{t(lang, 'search')}</label>
        <input id="home-q" type="search" name="q" maxlength={200} aria-describedby="home-q-hint" /> <button type="submit">{t(lang, 'search')}</button>
        <span class="hint" id="home-q-hint">{t(lang, 'searchHint')}</span>
      </form>
      <h2>{lang === 'sv' ? 'Registret i siffror' : 'The register in figures'}</h2>
      <ul class="figures">
        {item(f.agreements, lang === 'sv' ? 'avtal i registret' : 'agreements in the register', href(lang, '/avtal'))}
        {item(
          f.inForceNow,
          f.sourcesEnd === null ? (lang === 'sv' ? 'pågående' : 'in force') : lang === 'sv' ? `pågående enligt källor till och med ${f.sourcesEnd}` : `in force according to sources up to ${f.sourcesEnd}`,
          href(lang, '/avtal', { status: 'in_force' }),
        )}
        {item(f.endedSince2017, lang === 'sv' ? 'avslutade 2017–2021 (rapportens regel)' : "ended 2017–2021 (the report's rule)", href(lang, '/statistik'))}
        {item(f.pausedSince2017, lang === 'sv' ? 'pausade 2017–2021' : 'paused 2017–2021', href(lang, '/statistik'))}
        {item(f.peak.total, lang === 'sv' ? `samarbeten pågående ${f.peak.year}, det högsta antalet (rapportens regel)` : `cooperations in force in ${f.peak.year}, the highest number (the report's rule)`, `${href(lang, '/statistik')}#in-force`)}
        {item(f.actors, lang === 'sv' ? 'svenska parter' : 'Swedish parties', href(lang, '/parter'))}
        {item(f.counterparts, lang === 'sv' ? 'kinesiska motparter' : 'Chinese counterparts', href(lang, '/motparter'))}
      </ul>
      {f.sourcesEnd !== null ? (
        <p id="sources-end">
          {lang === 'sv'
            ? `Registrets källor slutar ${f.sourcesEnd}. En status är den som den senaste källan anger, inte nödvändigtvis dagens: ett avtal som var vilande då kan ha avslutats sedan utan att någon har fört in det. Varje avtals sida säger till och med vilket år dess status är känd.`
            : `The register's sources end in ${f.sourcesEnd}. A status is what the latest source gives, not necessarily today's: an agreement that was dormant then may have ended since without anyone entering it. Each agreement's page says up to which year its status is known.`}
        </p>
      ) : null}
      <h3>{lang === 'sv' ? 'Vad talen räknar' : 'What the figures count'}</h3>
      {lang === 'sv' ? (
        <p>
          Talen med <em>rapportens regel</em> räknar samarbeten som rapporten gör: högst ett vänortssamarbete och ett kommunalt partnerskap per ortspar, pausade och vilande som
          pågående, ett år vid årets slut. <a href={href(lang, '/avtal', { on: '2016-12-31', status: 'in_force' })}>Listan över avtal i kraft den 31 december 2016</a> räknar i
          stället avtal, ett och ett, och kan därför bli ett annat tal. Rapportens text säger 49 samarbeten 2016;{' '}
          <a href={`${href(lang, '/statistik')}#statement-total-peak-2016`}>varför registret räknar {f.peak.year === 2016 ? f.peak.total : 'annorlunda'}</a> och{' '}
          <a href={`${href(lang, '/statistik')}#statements`}>rapportens övriga siffror jämförda med registret</a> står på statistiksidan.
        </p>
      ) : (
        <p>
          The figures by <em>the report's rule</em> count cooperations as the report does: at most one twinning and one municipal partnership per pair of places, paused and
          dormant ones as ongoing, a year at its end. <a href={href(lang, '/avtal', { on: '2016-12-31', status: 'in_force' })}>The list of agreements in force on 31 December 2016</a>{' '}
          counts agreements instead, one by one, and may give another number. The report's text says 49 cooperations in 2016;{' '}
          <a href={`${href(lang, '/statistik')}#statement-total-peak-2016`}>why the register counts {f.peak.year === 2016 ? f.peak.total : 'otherwise'}</a> and{' '}
          <a href={`${href(lang, '/statistik')}#statements`}>the report's other figures beside the register's</a> are on the statistics page.
        </p>
      )}
    </Layout>
  );
}
