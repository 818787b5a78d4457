import type { getActor } from '../../domain/actors/get.ts';
import type { ActorListRow } from '../../domain/actors/list.ts';
import { ACTOR_KINDS } from '../../db/schema.ts';
import type { LeftOut } from '../../domain/left-out.ts';
import { COUNTIES, label, t, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { formatEdtf } from '../format.ts';
import { Select } from './agreements-list.tsx';
import { ContactSurfaceSection } from '../contact-surfaces/section.tsx';
import { LeftOutNotice } from './left-out.tsx';
import { AgreementTable, Localized, OtherNames, ProfileTimeline, RelatedActivities, Sources } from './shared.tsx';

export function ActorPage(props: { lang: Lang; data: Awaited<ReturnType<typeof getActor>>; path: string }) {
  const { lang, data } = props;
  const a = data.actor;
  return (
    <Layout lang={lang} title={a.name} path={props.path}>
      <h1>{a.name}</h1>
      <dl class="facts">
        <OtherNames lang={lang} names={a.otherNames} />
        <dt>{t(lang, 'actorKind')}</dt>
        <dd>{label(lang, 'actorKind', a.kind)}</dd>
        {a.municipalityCode ? (<><dt>{lang === 'sv' ? 'Kommunkod' : 'Municipality code'}</dt><dd>{a.municipalityCode}</dd></>) : null}
        {a.countyCode ? (<><dt>{t(lang, 'county')}</dt><dd>{COUNTIES[a.countyCode] ?? a.countyCode} ({a.countyCode})</dd></>) : null}
        {a.existedTo ? (<><dt>{lang === 'sv' ? 'Fanns till' : 'Existed until'}</dt><dd>{formatEdtf(a.existedTo, lang)}</dd></>) : null}
      </dl>
      {a.note ? <p><Localized lang={lang} sv={a.note} en={a.noteEn} /></p> : null}
      <Sources lang={lang} list={data.sources} />
      {data.successions.length ? (
        <>
          <h2>{t(lang, 'successions')}</h2>
          <ul>
            {data.successions.map((s) => (
              <li>
                <a href={href(lang, `/parter/${s.predecessor.slug}`)}>{s.predecessor.name}</a> →{' '}
                <a href={href(lang, `/parter/${s.successor.slug}`)}>{s.successor.name}</a>
                {s.succession.date ? ` (${formatEdtf(s.succession.date, lang)})` : ''}
                {s.succession.note ? <>: <Localized lang={lang} sv={s.succession.note} en={s.succession.noteEn} /></> : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t(lang, 'agreements')}</h2>
      <ProfileTimeline lang={lang} rows={data.agreements} periods={data.periods} labelOf={(a) => a.counterpartLabel} />
      <AgreementTable lang={lang} rows={data.agreements} links={data.links} caption={`${t(lang, 'agreements')}: ${a.name}`} />
      <RelatedActivities lang={lang} activities={data.activities} />
      <ContactSurfaceSection lang={lang} surfaces={data.contactSurfaces} more={a.countyCode ? href(lang, '/kontaktytor', { county: a.countyCode }) : href(lang, '/kontaktytor')} />
    </Layout>
  );
}

/** `query`: the filters the list was made with; `q`: the search as typed (also when it was left out). */
export function ActorsListPage(props: { lang: Lang; rows: ActorListRow[]; q: string; query: { kind?: string; county?: string }; leftOut: LeftOut[]; raw: Record<string, string> }) {
  const { lang } = props;
  const counties = Object.entries(COUNTIES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]): [string, string] => [code, `${name} (${code})`]);
  return (
    <Layout lang={lang} title={t(lang, 'actors')} path="/parter" query={props.raw}>
      <h1>{t(lang, 'actors')}</h1>
      <form class="filters" method="get" action="/parter" role="search">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <div class="wide">
          <label for="a-q">{t(lang, 'search')}</label>
          <input id="a-q" type="search" name="q" value={props.q} maxlength={200} />
        </div>
        <Select id="a-kind" name="kind" label={t(lang, 'actorKind')} value={props.query.kind} anyLabel={t(lang, 'any')} options={ACTOR_KINDS.map((k) => [k, label(lang, 'actorKind', k)])} />
        <Select id="a-county" name="county" label={t(lang, 'county')} value={props.query.county} anyLabel={t(lang, 'any')} options={counties} />
        <div class="wide">
          <button type="submit">{t(lang, 'filter')}</button> <a href={href(lang, '/parter')}>{t(lang, 'clear')}</a>
        </div>
      </form>
      <LeftOutNotice lang={lang} leftOut={props.leftOut} />
      <p role="status">
        {props.rows.length} {lang === 'sv' ? (props.rows.length === 1 ? 'svensk part' : 'svenska parter') : props.rows.length === 1 ? 'Swedish party' : 'Swedish parties'}
      </p>
      <table>
        <caption class="visually-hidden">{t(lang, 'actors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'party')}</th>
            <th scope="col">{t(lang, 'actorKind')}</th>
            <th scope="col">{t(lang, 'county')}</th>
            <th scope="col" class="num">{t(lang, 'agreements')}</th>
            <th scope="col" class="num">{t(lang, 'inForce')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={href(lang, `/parter/${r.slug}`)}>{r.name}</a>
              </td>
              <td>{label(lang, 'actorKind', r.kind)}</td>
              <td>{r.countyCode ? COUNTIES[r.countyCode] ?? r.countyCode : ''}</td>
              <td class="num">{r.agreements}</td>
              <td class="num">{r.inForce}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
