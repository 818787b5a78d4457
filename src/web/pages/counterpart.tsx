import type { getCounterpart } from '../../domain/counterparts/get.ts';
import type { CounterpartListRow } from '../../domain/counterparts/list.ts';
import type { LeftOut } from '../../domain/left-out.ts';
import { label, t, type Lang } from '../i18n.ts';
import { ContactSurfaceSection } from '../contact-surfaces/section.tsx';
import { LeftOutNotice } from './left-out.tsx';
import { href, Layout } from '../layout.tsx';
import { AgreementTable, Localized, OtherNames, ProfileTimeline, RelatedActivities, SearchForm, Sources } from './shared.tsx';

export function CounterpartPage(props: { lang: Lang; data: Awaited<ReturnType<typeof getCounterpart>>; path: string }) {
  const { lang, data } = props;
  const c = data.place;
  return (
    <Layout lang={lang} title={c.nameLatin} path={props.path}>
      <h1>
        {c.nameLatin} <span lang="zh-Hans">{c.nameNative}</span>
      </h1>
      <dl class="facts">
        {c.namePinyin ? (<><dt>Pinyin</dt><dd lang="zh-Latn-pinyin">{c.namePinyin}</dd></>) : null}
        <dt>{t(lang, 'level')}</dt>
        <dd>{label(lang, 'level', c.level)}</dd>
        {data.chain.length ? (
          <>
            <dt>{lang === 'sv' ? 'Ligger i' : 'Lies in'}</dt>
            <dd>
              {[...data.chain].reverse().map((p, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={href(lang, `/motparter/${p.slug}`)}>
                    {p.nameLatin} <span lang="zh-Hans">{p.nameNative}</span>
                  </a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        <OtherNames lang={lang} names={c.otherNames} />
      </dl>
      {c.note ? <p><Localized lang={lang} sv={c.note} en={c.noteEn} /></p> : null}
      <Sources lang={lang} list={data.sources} />
      {data.children.length ? (
        <>
          <h2>
            {t(lang, 'placesInside')} {c.nameLatin}
          </h2>
          <ul>
            {data.children.map((p) => (
              <li>
                <a href={href(lang, `/motparter/${p.slug}`)}>
                  {p.nameLatin} <span lang="zh-Hans">{p.nameNative}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t(lang, 'bodies')}</h2>
      <ul>
        {data.bodies.map((b) => (
          <li>
            <a href={href(lang, `/parter/${b.slug}`)}>{b.name}</a> ({b.agreements})
          </li>
        ))}
      </ul>
      <h2>{t(lang, 'agreements')}</h2>
      <ProfileTimeline lang={lang} rows={data.agreements} periods={data.periods} labelOf={(a) => a.partyLabel} />
      <AgreementTable lang={lang} rows={data.agreements} links={data.links} caption={`${t(lang, 'agreements')}: ${c.nameLatin} ${lang === 'sv' ? 'och orter inom' : 'and places within'}`} />
      <RelatedActivities lang={lang} activities={data.activities} />
      <ContactSurfaceSection lang={lang} surfaces={data.contactSurfaces} more={href(lang, '/kontaktytor', { province: data.chain[0]?.slug ?? c.slug })} />
    </Layout>
  );
}

export function CounterpartsListPage(props: { lang: Lang; rows: CounterpartListRow[]; q: string; leftOut: LeftOut[]; raw: Record<string, string> }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'counterparts')} path="/motparter" query={props.raw}>
      <h1>{t(lang, 'counterparts')}</h1>
      <SearchForm lang={lang} action="/motparter" id="c-q" q={props.q} hint={t(lang, 'searchHint')} />
      <LeftOutNotice lang={lang} leftOut={props.leftOut} />
      <table>
        <caption class="visually-hidden">{t(lang, 'counterparts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'counterpart')}</th>
            <th scope="col">汉字</th>
            <th scope="col">Pinyin</th>
            <th scope="col">{t(lang, 'level')}</th>
            <th scope="col" class="num">{t(lang, 'agreements')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td style={`padding-left:${0.5 + r.depth * 1.25}rem`}>
                <a href={href(lang, `/motparter/${r.slug}`)}>{r.nameLatin}</a>
              </td>
              <td lang="zh-Hans">{r.nameNative}</td>
              <td lang="zh-Latn-pinyin">{r.namePinyin}</td>
              <td>{label(lang, 'level', r.level)}</td>
              <td class="num">{r.agreements}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
