// Contact surfaces in the browser: the list (`/kontaktytor`, filtered by
// kind, county and province in the address), one page per surface, and the
// form that adds or changes one, for editors.
import { CONTACT_SURFACE_KINDS } from '../../db/schema.ts';
import type { ContactSurface, listContactSurfaces } from '../../domain/contact-surfaces/read.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { formatEdtf } from '../format.ts';
import { COUNTIES, label, t, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { Select } from '../pages/agreements-list.tsx';
import { Localized } from '../pages/shared.tsx';
import { problemsFor, VISIBILITY_NAMES } from '../records/words.ts';
import { VisibilityField } from '../records/visibility-field.tsx';
import { surfaceWhen, SurfaceLinks } from './section.tsx';

type PlaceOption = { slug: string; nameLatin: string; nameNative: string | null };
const kindOptions = (lang: Lang): Array<[string, string]> => CONTACT_SURFACE_KINDS.map((k) => [k, label(lang, 'contactSurface', k)]);
const countyOptions = (): Array<[string, string]> => Object.entries(COUNTIES).map(([code, name]) => [code, name]);

export function ContactSurfacesListPage(props: {
  lang: Lang;
  list: Awaited<ReturnType<typeof listContactSurfaces>>;
  provinces: PlaceOption[];
  mayAdd: boolean;
  raw: Record<string, string>;
  /** Said after a surface was removed. */
  done?: string;
}) {
  const { lang, list } = props;
  const sv = lang === 'sv';
  const q = list.query;
  const pageLink = (page: number) => href(lang, '/kontaktytor', { kind: q.kind, county: q.county, province: q.province, page: page === 1 ? undefined : page });
  return (
    <Layout lang={lang} title={t(lang, 'contactSurfaces')} path="/kontaktytor" query={props.raw}>
      <h1>{t(lang, 'contactSurfaces')}</h1>
      <Notices done={props.done} />
      <p>
        {sv
          ? 'Band till Kina utöver avtalen: kinesiska investeringar och ägande, kinesiska företag i offentlig upphandling, lokala företag med handel med Kina, samarbete inom högskola, skola och forskning, konfuciusinstitut och konfuciusklassrum, och fall av informationspåverkan eller påtryckningar.'
          : 'Ties with China beyond the agreements: Chinese investment and ownership, Chinese companies in public procurement, local companies trading with China, university, school and research cooperation, Confucius institutes and classrooms, and incidents of information influence or pressure.'}{' '}
        <a href={href(lang, '/karta', { lager: 'alla' })}>{sv ? 'Se dem på kartan.' : 'See them on the map.'}</a>
      </p>
      {props.mayAdd ? (
        <p>
          <a href={href(lang, '/kontaktytor/ny')}>{sv ? 'Lägg till en kontaktyta' : 'Add a contact surface'}</a>
        </p>
      ) : null}
      <form method="get" action="/kontaktytor" class="filters">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <Select id="cs-kind" name="kind" label={sv ? 'Slag' : 'Kind'} value={q.kind} anyLabel={t(lang, 'any')} options={kindOptions(lang)} />
        <Select id="cs-county" name="county" label={t(lang, 'county')} value={q.county} anyLabel={t(lang, 'any')} options={countyOptions()} />
        <Select id="cs-province" name="province" label={sv ? 'Provins' : 'Province'} value={q.province} anyLabel={t(lang, 'any')} options={props.provinces.map((p) => [p.slug, `${p.nameLatin}${p.nameNative ? ` ${p.nameNative}` : ''}`])} />
        <button type="submit">{sv ? 'Visa' : 'Show'}</button>
      </form>
      <p role="status">{sv ? `${list.total} ${list.total === 1 ? 'kontaktyta' : 'kontaktytor'}` : `${list.total} contact ${list.total === 1 ? 'surface' : 'surfaces'}`}</p>
      {list.rows.length ? (
        <table>
          <caption class="visually-hidden">{t(lang, 'contactSurfaces')}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Kontaktyta' : 'Contact surface'}</th>
              <th scope="col">{sv ? 'Slag' : 'Kind'}</th>
              <th scope="col">{sv ? 'När' : 'When'}</th>
              <th scope="col">{sv ? 'Svenska aktörer och kinesiska orter' : 'Swedish bodies and Chinese places'}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((s) => (
              <tr>
                <td>
                  <a href={href(lang, `/kontaktytor/${s.id}`)}>
                    <Localized lang={lang} sv={s.title} en={s.titleEn} />
                  </a>
                </td>
                <td>{label(lang, 'contactSurface', s.kind)}</td>
                <td>{surfaceWhen(lang, s)}</td>
                <td>
                  <SurfaceLinks lang={lang} surface={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.pages > 1 ? (
        <nav aria-label={sv ? 'Sidor' : 'Pages'}>
          <p>
            {q.page > 1 ? <a href={pageLink(q.page - 1)}>{sv ? 'Föregående sida' : 'Previous page'}</a> : null} {sv ? `Sida ${q.page} av ${list.pages}` : `Page ${q.page} of ${list.pages}`}{' '}
            {q.page < list.pages ? <a href={pageLink(q.page + 1)}>{sv ? 'Nästa sida' : 'Next page'}</a> : null}
          </p>
        </nav>
      ) : null}
    </Layout>
  );
}

export function ContactSurfacePage(props: { lang: Lang; surface: ContactSurface; path: string; mayChange: boolean; csrf?: string; done?: string }) {
  const { lang, surface: s } = props;
  const sv = lang === 'sv';
  const when = surfaceWhen(lang, s);
  return (
    <Layout lang={lang} title={sv ? s.title : (s.titleEn ?? s.title)} path={props.path}>
      <p>
        <a href={href(lang, '/kontaktytor')}>{t(lang, 'contactSurfaces')}</a>
      </p>
      <h1>
        <Localized lang={lang} sv={s.title} en={s.titleEn} />
      </h1>
      <Notices done={props.done} />
      <dl class="facts">
        <dt>{sv ? 'Slag' : 'Kind'}</dt>
        <dd>{label(lang, 'contactSurface', s.kind)}</dd>
        {when ? (
          <>
            <dt>{sv ? 'När' : 'When'}</dt>
            <dd>{when}</dd>
          </>
        ) : null}
        {s.actors.length ? (
          <>
            <dt>{sv ? 'Svenska aktörer' : 'Swedish bodies'}</dt>
            <dd>
              <SurfaceLinks lang={lang} surface={{ actors: s.actors, places: [] }} />
            </dd>
          </>
        ) : null}
        {s.places.length ? (
          <>
            <dt>{sv ? 'Kinesiska orter' : 'Chinese places'}</dt>
            <dd>
              <SurfaceLinks lang={lang} surface={{ actors: [], places: s.places }} />
            </dd>
          </>
        ) : null}
        <dt>{sv ? 'Registrerad av' : 'Recorded by'}</dt>
        <dd>{s.organisation}</dd>
        <dt>{sv ? 'Vem får se den' : 'Who may see it'}</dt>
        <dd>{VISIBILITY_NAMES[s.visibility][lang]}</dd>
      </dl>
      {s.description ? (
        <p class="prewrap">
          <Localized lang={lang} sv={s.description} en={s.descriptionEn} />
        </p>
      ) : null}
      {s.sources.length ? (
        <>
          <h2>{t(lang, 'sources')}</h2>
          <ul>
            {s.sources.map((src) => (
              <li>
                <a href={href(lang, `/kallor/${src.slug}`)}>{src.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.mayChange ? (
        <>
          <p>
            <a href={href(lang, `/kontaktytor/${s.id}/andra`)}>{sv ? 'Ändra kontaktytan' : 'Change the contact surface'}</a>
          </p>
          <form method="post" action={href(lang, `/kontaktytor/${s.id}/ta-bort`)} class="form">
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <input type="hidden" name="expectedVersion" value={String(s.version)} />
            <button type="submit">{sv ? 'Ta bort kontaktytan' : 'Remove the contact surface'}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

/** The boxes of a link list the form shows: three, or one more than it holds. */
export const linkBoxes = (typed: Record<string, string>, list: 'actors' | 'places' | 'sources', least = 3) => {
  let n = least;
  while (typed[`${list}.${n - 1}`]?.trim() && n < 20) n += 1;
  return Array.from({ length: n }, (_, i) => `${list}.${i}`);
};

export const SURFACE_TEXT_FIELDS = ['kind', 'title', 'titleEn', 'description', 'descriptionEn', 'date', 'endDate', 'visibility', 'expectedVersion', 'reason'] as const;

export interface ContactSurfaceFormProps {
  lang: Lang;
  account: string;
  csrf: string;
  /** The surface being changed; none when adding. */
  surface?: { id: number; version: number };
  typed: Record<string, string>;
  problems?: FieldProblem[];
  /** Names of Swedish bodies and Chinese places offered as the reader types. */
  bodies: string[];
  places: PlaceOption[];
  conflict?: string;
}

export function ContactSurfaceFormPage(p: ContactSurfaceFormProps) {
  const { lang, typed } = p;
  const sv = lang === 'sv';
  const form = 'surface';
  const problems = problemsFor(lang, form, p.problems);
  const problemOf = (field: string) => problems.find((x) => x.field === field);
  const id = (field: string) => `${form}-${field.replace('.', '-')}`;
  const input = (field: string, words: string, { hint, list, max = 500 }: { hint?: string; list?: string; max?: number } = {}) => (
    <Field lang={lang} id={id(field)} label={words} hint={hint} problem={problemOf(field)}>
      {(described) => <input id={id(field)} name={field} type="text" maxlength={max} list={list} value={typed[field] ?? ''} {...described} />}
    </Field>
  );
  const area = (field: string, words: string) => (
    <Field lang={lang} id={id(field)} label={words} problem={problemOf(field)}>
      {(described) => (
        <textarea id={id(field)} name={field} rows={5} maxlength={10000} {...described}>
          {typed[field] ?? ''}
        </textarea>
      )}
    </Field>
  );
  const links = (list: 'actors' | 'places' | 'sources', legend: string, each: string, datalist?: string) => (
    <fieldset id={`${form}-${list}`}>
      <legend>{legend}</legend>
      {linkBoxes(typed, list, list === 'sources' ? 2 : 3).map((field, n) => input(field, `${each} ${n + 1}`, { list: datalist, max: 300 }))}
    </fieldset>
  );
  const heading = p.surface ? (sv ? 'Ändra kontaktytan' : 'Change the contact surface') : sv ? 'Lägg till en kontaktyta' : 'Add a contact surface';
  const action = p.surface ? `/kontaktytor/${p.surface.id}/andra` : '/kontaktytor/ny';
  return (
    <Layout lang={lang} title={heading} path={action} account={p.account}>
      <p>
        <a href={href(lang, p.surface ? `/kontaktytor/${p.surface.id}` : '/kontaktytor')}>{p.surface ? (sv ? 'Tillbaka till kontaktytan' : 'Back to the contact surface') : t(lang, 'contactSurfaces')}</a>
      </p>
      <h1>{heading}</h1>
      <Notices alert={p.conflict} />
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, action)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        {p.surface ? <input type="hidden" name="expectedVersion" value={String(p.surface.version)} /> : null}
        <Field lang={lang} id={id('kind')} label={sv ? 'Slag' : 'Kind'} problem={problemOf('kind')}>
          {(described) => (
            <select id={id('kind')} name="kind" {...described}>
              <option value="">{sv ? 'Välj' : 'Choose'}</option>
              {kindOptions(lang).map(([value, text]) => (
                <option value={value} selected={typed.kind === value}>
                  {text}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('title', sv ? 'Titel' : 'Title (in Swedish)')}
        {input('titleEn', sv ? 'Titel på engelska (valfri)' : 'Title in English (optional)')}
        {area('description', sv ? 'Beskrivning (valfri)' : 'Description in Swedish (optional)')}
        {area('descriptionEn', sv ? 'Beskrivning på engelska (valfri)' : 'Description in English (optional)')}
        {input('date', sv ? 'Började eller inträffade (valfritt)' : 'Began or happened (optional)', { hint: sv ? 'Så exakt som det är känt: 2019-05-04, 2019-05 eller 2019.' : 'As precisely as it is known: 2019-05-04, 2019-05 or 2019.', max: 40 })}
        {input('endDate', sv ? 'Upphörde (valfritt)' : 'Ended (optional)', { hint: sv ? 'Lämna tomt om den pågår.' : 'Leave empty if it goes on.', max: 40 })}
        {links('actors', sv ? 'Svenska aktörer den gäller' : 'Swedish bodies it concerns', sv ? 'Aktör' : 'Body', 'cs-svenska-parter')}
        <datalist id="cs-svenska-parter">
          {p.bodies.map((name) => (
            <option value={name} />
          ))}
        </datalist>
        {links('places', sv ? 'Kinesiska orter den gäller' : 'Chinese places it concerns', sv ? 'Ort' : 'Place', 'cs-kinesiska-orter')}
        <datalist id="cs-kinesiska-orter">
          {p.places.map((o) => (
            <option value={o.slug}>{`${o.nameLatin}${o.nameNative ? ` ${o.nameNative}` : ''}`}</option>
          ))}
        </datalist>
        {links('sources', sv ? 'Källor (med källans kortnamn, valfritt)' : 'Sources (by the source’s short name, optional)', sv ? 'Källa' : 'Source')}
        <VisibilityField lang={lang} id={id('visibility')} label={sv ? 'Vem får se kontaktytan' : 'Who may see the contact surface'} problem={problemOf('visibility')} chosen={typed.visibility} fallback="shared" />
        {p.surface ? input('reason', sv ? 'Varför ändras den (valfritt)' : 'Why it changes (optional)', { max: 2000 }) : null}
        <button type="submit">{p.surface ? (sv ? 'Spara ändringen' : 'Save the change') : sv ? 'Lägg till kontaktytan' : 'Add the contact surface'}</button>
      </form>
    </Layout>
  );
}
