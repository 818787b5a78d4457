import { ACTOR_KINDS, STATUSES } from '../../db/schema.ts';
import type { AgreementList } from '../../domain/agreements/list.ts';
import type { RowLinks } from '../../domain/agreements/row-links.ts';
import { LIST_SORTS, type ListAgreementsQuery } from '../../domain/agreements/schemas.ts';
import type { PlaceOption } from '../../domain/counterparts/list.ts';
import { formatEdtf } from '../format.ts';
import { COUNTIES, label, t, type Lang } from '../i18n.ts';
import { href, Layout, StatusBadge } from '../layout.tsx';
import { LeftOutNotice } from './left-out.tsx';
import { agreementLinkTexts, CsvLinks, OfficialTitle, PartyLinks, PlaceLinks } from './shared.tsx';

const SORT_LABELS: Record<(typeof LIST_SORTS)[number], { sv: string; en: string }> = {
  actor: { sv: 'Svensk part A–Ö', en: 'Swedish party A–Z' },
  '-actor': { sv: 'Svensk part Ö–A', en: 'Swedish party Z–A' },
  counterpart: { sv: 'Motpart A–Ö', en: 'Counterpart A–Z' },
  '-counterpart': { sv: 'Motpart Ö–A', en: 'Counterpart Z–A' },
  established: { sv: 'Äldst först', en: 'Oldest first' },
  '-established': { sv: 'Nyast först', en: 'Newest first' },
  status: { sv: 'Status', en: 'Status' },
};

export function Select(props: { id: string; name: string; label: string; value: string | undefined; options: Array<[string, string]>; anyLabel: string; hint?: string }) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, text]) => (
          <option value={value} selected={props.value === value}>
            {text}
          </option>
        ))}
      </select>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The filters a list was made with, as an address carries them: only what is
 * set, the default order left out; what the list left out is not in it.
 */
export function filterParams(q: ListAgreementsQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['q', 'actorKind', 'county', 'status', 'kind', 'place', 'establishedFrom', 'establishedTo', 'on'] as const) {
    const value = q[name];
    if (value !== undefined && value !== '') out[name] = String(value);
  }
  if (q.sort !== 'actor') out.sort = q.sort;
  return out;
}

export function AgreementsListPage(props: {
  lang: Lang;
  list: AgreementList;
  links: Readonly<Record<string, RowLinks>>;
  places: PlaceOption[];
  provincesOnly: boolean;
  kinds: string[];
  raw: Record<string, string>;
}) {
  const { lang, list } = props;
  const q = list.query;
  const filters = filterParams(q);
  // The pages keep the page size the address asked for; the CSV has every row.
  const params = props.raw.pageSize ? { ...filters, pageSize: String(q.pageSize) } : filters;
  const csv = new URLSearchParams(filters).toString();
  // A search left out is still shown as typed, for the person to change it.
  const typed = list.leftOut?.find((l) => l.field === 'q')?.value ?? q.q ?? '';
  const texts = agreementLinkTexts(lang, list.rows, props.links);
  const heading = q.on ? `${t(lang, 'agreements')} ${lang === 'sv' ? 'den' : 'on'} ${formatEdtf(q.on, lang)}` : t(lang, 'agreements');
  return (
    <Layout lang={lang} title={heading} path="/avtal" query={props.raw}>
      <h1>{heading}</h1>
      <form class="filters" method="get" action="/avtal" role="search">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <div class="wide">
          <label for="f-q">{t(lang, 'search')}</label>
          <input id="f-q" type="search" name="q" value={typed} maxlength={200} aria-describedby="f-q-hint" />
          <span class="hint" id="f-q-hint">{t(lang, 'searchHint')}</span>
        </div>
        <Select id="f-actorKind" name="actorKind" label={t(lang, 'actorKind')} value={q.actorKind} anyLabel={t(lang, 'any')} options={ACTOR_KINDS.map((k) => [k, label(lang, 'actorKind', k)])} />
        <Select id="f-county" name="county" label={t(lang, 'county')} value={q.county} anyLabel={t(lang, 'any')} options={Object.entries(COUNTIES).sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => [code, `${name} (${code})`])} />
        <Select id="f-status" name="status" label={t(lang, 'status')} value={q.status} anyLabel={t(lang, 'any')} options={[...STATUSES, 'in_force'].map((s) => [s, label(lang, 'status', s)])} />
        <Select id="f-kind" name="kind" label={t(lang, 'kind')} value={q.kind} anyLabel={t(lang, 'any')} options={props.kinds.map((k) => [k, label(lang, 'kind', k)])} />
        <Select
          id="f-place"
          name="place"
          label={t(lang, 'province')}
          value={q.place}
          hint={props.provincesOnly ? t(lang, 'provincesOnlyHint') : undefined}
          anyLabel={t(lang, 'any')}
          options={props.places.map((p) => [p.slug, `${'\u00a0\u00a0'.repeat(p.depth)}${p.nameLatin} ${p.nameNative ?? ''}`])}
        />
        <div>
          <label for="f-from">{t(lang, 'establishedFrom')}</label>
          <input id="f-from" name="establishedFrom" inputmode="numeric" pattern="[0-9]{4}" size={6} value={q.establishedFrom?.toString() ?? ''} />
        </div>
        <div>
          <label for="f-to">{t(lang, 'establishedTo')}</label>
          <input id="f-to" name="establishedTo" inputmode="numeric" pattern="[0-9]{4}" size={6} value={q.establishedTo?.toString() ?? ''} />
        </div>
        <div>
          <label for="f-on">{t(lang, 'on')}</label>
          <input id="f-on" name="on" type="date" value={q.on ?? ''} aria-describedby="f-on-hint" />
          <span class="hint" id="f-on-hint">{t(lang, 'onHint')}</span>
        </div>
        <Select id="f-sort" name="sort" label={t(lang, 'sort')} value={q.sort} anyLabel={SORT_LABELS.actor[lang]} options={LIST_SORTS.filter((s) => s !== 'actor').map((s) => [s, SORT_LABELS[s][lang]])} />
        <div class="wide">
          <button type="submit">{t(lang, 'filter')}</button> <a href={href(lang, '/avtal')}>{t(lang, 'clear')}</a>
        </div>
      </form>
      <LeftOutNotice lang={lang} leftOut={list.leftOut} />
      <p role="status">
        {list.total} {t(lang, list.total === 1 ? 'result' : 'results')}
        {list.total > 0 ? ` · ${t(lang, 'page')} ${q.page} ${t(lang, 'of')} ${list.pages}` : ''} ·{' '}
        <CsvLinks lang={lang} path="/api/agreements.csv" params={Object.fromEntries(new URLSearchParams(csv))} />
      </p>
      {list.rows.length === 0 ? (
        <p>{t(lang, 'noResults')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'agreement')}</th>
              <th scope="col">{t(lang, 'party')}</th>
              <th scope="col">{t(lang, 'counterpart')}</th>
              <th scope="col">{t(lang, 'kind')}</th>
              <th scope="col">{t(lang, 'title')}</th>
              <th scope="col" class="num">{t(lang, 'established')}</th>
              <th scope="col">{t(lang, 'status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr>
                <td>
                  <a href={href(lang, `/avtal/${r.slug}`)}>{texts.get(r.slug)}</a>
                </td>
                <td>
                  <PartyLinks lang={lang} row={r} links={props.links[r.slug]} />
                </td>
                <td class="place">
                  <PlaceLinks lang={lang} row={r} links={props.links[r.slug]} />
                </td>
                <td>{label(lang, 'kind', r.kind)}</td>
                <td>{r.officialTitle ? <OfficialTitle lang={lang} title={r.officialTitle} language={props.links[r.slug]?.officialTitleLanguage} en={props.links[r.slug]?.officialTitleEn} /> : ''}</td>
                <td class="num">{r.establishedYear ?? ''}</td>
                <td>
                  <StatusBadge status={r.status} text={label(lang, 'status', r.status)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pages > 1 ? (
        <nav class="pager" aria-label={t(lang, 'page')}>
          {q.page > 1 ? <a href={href(lang, '/avtal', { ...params, page: q.page - 1 })} rel="prev">{t(lang, 'previous')}</a> : null}
          <span>
            {t(lang, 'page')} {q.page} {t(lang, 'of')} {list.pages}
          </span>
          {q.page < list.pages ? <a href={href(lang, '/avtal', { ...params, page: q.page + 1 })} rel="next">{t(lang, 'next')}</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
