// Contact surfaces as a section of a Swedish body's or a Chinese place's
// page, and as rows of the list: what kind, when, and what it links.
import type { ContactSurfaceRow } from '../../domain/contact-surfaces/read.ts';
import { formatEdtf } from '../format.ts';
import { label, t, type Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { Localized } from '../pages/shared.tsx';

/** When a surface began and ended, as far as known. */
export function surfaceWhen(lang: Lang, s: { date: string | null; endDate: string | null }): string {
  if (!s.date && !s.endDate) return '';
  return `${s.date ? formatEdtf(s.date, lang) : '…'}${s.endDate ? `–${formatEdtf(s.endDate, lang)}` : ''}`;
}

/** A Chinese place's Latin name, and its own name in its script, marked as Chinese. */
export function PlaceName(props: { place: { name: string; native: string | null } }) {
  const { name, native } = props.place;
  return (
    <>
      {name}
      {native ? (
        <>
          {' '}
          <span lang="zh-Hans">{native}</span>
        </>
      ) : null}
    </>
  );
}

export function SurfaceLinks(props: { lang: Lang; surface: Pick<ContactSurfaceRow, 'actors' | 'places'> }) {
  const { lang, surface } = props;
  const items = [
    ...surface.actors.map((a) => <a href={href(lang, `/parter/${a.slug}`)}>{a.name}</a>),
    ...surface.places.map((p) => (
      <a href={href(lang, `/motparter/${p.slug}`)}>
        <PlaceName place={p} />
      </a>
    )),
  ];
  return (
    <>
      {items.map((item, n) => (
        <>
          {n ? ', ' : ''}
          {item}
        </>
      ))}
    </>
  );
}

/** The surfaces of a body or place; `more` links to the filtered list when there are more than shown. */
export function ContactSurfaceSection(props: { lang: Lang; surfaces: { rows: ContactSurfaceRow[]; total: number }; more: string }) {
  const { lang, surfaces } = props;
  if (!surfaces.rows.length) return null;
  const sv = lang === 'sv';
  return (
    <section aria-labelledby="kontaktytor">
      <h2 id="kontaktytor">{t(lang, 'contactSurfaces')}</h2>
      <ul>
        {surfaces.rows.map((s) => (
          <li>
            {label(lang, 'contactSurface', s.kind)}:{' '}
            <a href={href(lang, `/kontaktytor/${s.id}`)}>
              <Localized lang={lang} sv={s.title} en={s.titleEn} />
            </a>
            {surfaceWhen(lang, s) ? ` (${surfaceWhen(lang, s)})` : ''}
          </li>
        ))}
      </ul>
      {surfaces.total > surfaces.rows.length ? (
        <p>
          <a href={props.more}>{sv ? `${surfaces.rows.length} av ${surfaces.total} visas; fler i listan över kontaktytor` : `${surfaces.rows.length} of ${surfaces.total} shown; more in the list of contact surfaces`}</a>
        </p>
      ) : null}
    </section>
  );
}
