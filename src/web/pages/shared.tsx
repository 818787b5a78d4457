// Pieces several pages show: a source list and a table of related agreements.
import type { RelatedActivity } from '../../domain/activities/of-agreements.ts';
import type { RelatedAgreement } from '../../domain/actors/get.ts';
import type { Citation } from '../../domain/agreements/get.ts';
import type { RowLinks } from '../../domain/agreements/row-links.ts';
import { fileSize, formatEdtf, todayInStockholm } from '../format.ts';
import { AgreementTimeline, type TimelineRow } from '../charts/timeline.tsx';
import { label, t, type Lang } from '../i18n.ts';
import { href, StatusBadge } from '../layout.tsx';

/**
 * A free text of the register in the page's language: on an English page the
 * English where one has been written, else the Swedish, marked as Swedish so
 * that a screen reader reads it as such (`en={null}`: a text that has no
 * English, such as a term or a deciding body, as the sources write it).
 */
export function Localized(props: { lang: Lang; sv: string; en: string | null | undefined }) {
  if (props.lang === 'sv') return <>{props.sv}</>;
  return props.en ? <>{props.en}</> : <span lang="sv">{props.sv}</span>;
}

/** The names a body or place is also known by, as a term of its description list. */
export function OtherNames(props: { lang: Lang; names: string[] }) {
  if (!props.names.length) return null;
  return (
    <>
      <dt>{t(props.lang, 'otherNames')}</dt>
      <dd>{props.names.join(', ')}</dd>
    </>
  );
}

/**
 * A source's title, linked to its page in Ortsband and, where it is online,
 * to its address too: an external link whose text names the source (a
 * screen reader's list of links reads "Källan på webben: <title>"). The
 * title is marked with its language where the page's differs.
 */
function SourceTitle({ lang, citation: c }: { lang: Lang; citation: Citation }) {
  // A title Ortsband wrote itself (the reference data's) has its English; a source's own title stays its own.
  const english = lang === 'en' && c.titleEn ? c.titleEn : null;
  const other = english || c.language === lang ? undefined : c.language;
  return (
    <>
      <a href={href(lang, `/kallor/${c.sourceSlug}`)} lang={other}>{english ?? c.title}</a>
      {c.url ? (
        <>
          {' ('}
          <a href={c.url} rel="external" hreflang={other}>
            {lang === 'sv' ? 'på webben' : 'online'}
            <span class="visually-hidden">
              {': '}
              <span lang={other}>{english ?? c.title}</span>
            </span>
          </a>
          {')'}
        </>
      ) : null}
    </>
  );
}

/**
 * Where in the source a fact is: on an English page, Ortsband's English of
 * the passage, said to be a translation, with the source's own words one
 * click away (marked with their language); else the passage as cited.
 */
export function Passage({ lang, citation: c }: { lang: Lang; citation: Pick<Citation, 'passage' | 'passageEn' | 'language'> }) {
  if (!c.passage) return null;
  if (lang === 'sv') return <>{` – ${c.passage}`}</>;
  if (!c.passageEn || c.language === 'en') {
    return (
      <>
        {' – '}
        <span lang={c.language === lang ? undefined : c.language}>{c.passage}</span>
      </>
    );
  }
  return (
    <>
      {' – '}
      <span class="passage-en">{c.passageEn}</span>{' '}
      <details class="original">
        <summary>{t(lang, 'passageOriginal')}</summary>
        <q lang={c.language}>{c.passage}</q>
      </details>
    </>
  );
}

/** A list of short words (themes) in the page's language: the English where each has one, else the Swedish marked as such. */
export function LocalizedList(props: { lang: Lang; sv: readonly string[]; en: readonly string[] | null | undefined }) {
  const en = props.en?.length === props.sv.length ? props.en : null;
  return <Localized lang={props.lang} sv={props.sv.join(', ')} en={en ? en.join(', ') : null} />;
}

/**
 * An agreement's official title, in its own language: marked with it where
 * the page's differs, and on an English page followed by its English
 * rendering where one is recorded.
 */
export function OfficialTitle(props: { lang: Lang; title: string; language: string | null | undefined; en: string | null | undefined }) {
  const { lang, title, language, en } = props;
  const marked = language && language !== lang ? language : undefined;
  const english = lang === 'en' && en && language !== 'en' ? en : null;
  if (!marked && !english) return <>{title}</>;
  return (
    <>
      <span lang={marked}>{title}</span>
      {english ? <span class="hint"> ({english})</span> : null}
    </>
  );
}

export function Sources(props: { lang: Lang; list: Citation[] }) {
  if (!props.list.length) return null;
  return (
    <div class="sources">
      <span>{t(props.lang, 'sources')}: </span>
      <ul>
        {props.list.map((c) => (
          <li>
            <SourceTitle lang={props.lang} citation={c} />
            {c.published ? ` (${formatEdtf(c.published, props.lang)})` : ''}
            {c.archiveReference ? `, dnr ${c.archiveReference}` : ''}
            <Passage lang={props.lang} citation={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a row of a list of agreements shows of the agreement. */
type AgreementRow = { slug: string; partyLabel: string; counterpartLabel: string; kind: string; establishedYear: number | null };

/**
 * The text of each row's link to its agreement: the agreement named as its
 * page's heading names it (its holders – its places); where two rows of the
 * same table would read the same, with its kind and year, which tell them apart.
 */
export function agreementLinkTexts(lang: Lang, rows: readonly AgreementRow[], links: Readonly<Record<string, RowLinks>>): Map<string, string> {
  const named = rows.map((r) => {
    const places = links[r.slug]?.places;
    return { r, name: `${r.partyLabel} – ${places?.length ? places.map((p) => p.nameLatin).join(', ') : r.counterpartLabel}` };
  });
  const uses = new Map<string, number>();
  for (const { name } of named) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map(
    named.map(({ r, name }) => [r.slug, uses.get(name)! > 1 ? `${name} (${label(lang, 'kind', r.kind).toLowerCase()}${r.establishedYear ? ` ${r.establishedYear}` : ''})` : name]),
  );
}

/** A row's holders, each a link to its page; the label when the links are not known. */
export function PartyLinks(props: { lang: Lang; row: AgreementRow; links: RowLinks | undefined }) {
  const parties = props.links?.parties;
  if (!parties?.length) return <>{props.row.partyLabel}</>;
  return (
    <>
      {parties.map((p, i) => (
        <>
          {i ? ', ' : ''}
          <a href={href(props.lang, `/parter/${p.slug}`)}>{p.name}</a>
        </>
      ))}
    </>
  );
}

/** A row's places, each a link to its page; the label when the links are not known. */
export function PlaceLinks(props: { lang: Lang; row: AgreementRow; links: RowLinks | undefined }) {
  const places = props.links?.places;
  if (!places?.length) return <>{props.row.counterpartLabel}</>;
  return (
    <>
      {places.map((p, i) => (
        <>
          {i ? ', ' : ''}
          <a href={href(props.lang, `/motparter/${p.slug}`)}>
            {p.nameLatin}
            {p.nameNative ? <> <span lang="zh-Hans">{p.nameNative}</span></> : null}
          </a>
        </>
      ))}
    </>
  );
}

export function AgreementTable(props: { lang: Lang; rows: RelatedAgreement[]; links: Readonly<Record<string, RowLinks>>; caption: string }) {
  const { lang } = props;
  const texts = agreementLinkTexts(lang, props.rows, props.links);
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'agreement')}</th>
          <th scope="col">{t(lang, 'party')}</th>
          <th scope="col">{t(lang, 'counterpart')}</th>
          <th scope="col">{t(lang, 'kind')}</th>
          <th scope="col" class="num">{t(lang, 'established')}</th>
          <th scope="col">{t(lang, 'status')}</th>
          <th scope="col" class="num">{lang === 'sv' ? 'Enligt källor till och med' : 'According to sources up to'}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => (
          <tr>
            <td>
              <a href={href(lang, `/avtal/${a.slug}`)}>{texts.get(a.slug)}</a>
            </td>
            <td>
              <PartyLinks lang={lang} row={a} links={props.links[a.slug]} />
            </td>
            <td class="place">
              <PlaceLinks lang={lang} row={a} links={props.links[a.slug]} />
            </td>
            <td>{label(lang, 'kind', a.kind)}</td>
            <td class="num">{a.establishedYear ?? ''}</td>
            <td>
              <StatusBadge status={a.currentStatus} text={label(lang, 'status', a.currentStatus)} />
            </td>
            <td class="num">{a.knownUntil ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The plain search form of the actor and counterpart lists. */
export function SearchForm(props: { lang: Lang; action: string; id: string; q: string; hint?: string }) {
  const { lang } = props;
  return (
    <form class="filters" method="get" action={props.action} role="search">
      {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
      <div class="wide">
        <label for={props.id}>{t(lang, 'search')}</label>
        <input id={props.id} type="search" name="q" value={props.q} maxlength={200} aria-describedby={props.hint ? `${props.id}-hint` : undefined} />
        {props.hint ? <span class="hint" id={`${props.id}-hint`}>{props.hint}</span> : null}
      </div>
      <div class="wide">
        <button type="submit">{t(lang, 'search')}</button>
      </div>
    </form>
  );
}

/** A profile's agreements on the status timeline, labelled by the other side, year and kind. */
export function ProfileTimeline(props: { lang: Lang; rows: RelatedAgreement[]; periods: Record<string, TimelineRow['periods']>; labelOf: (a: RelatedAgreement) => string }) {
  const { lang } = props;
  return (
    <AgreementTimeline
      lang={lang}
      id="timeline"
      title={lang === 'sv' ? 'Avtalen över tid' : 'The agreements through time'}
      fromYear={1986}
      toYear={Number(todayInStockholm().slice(0, 4))}
      rows={props.rows.map((a) => ({ slug: a.slug, label: `${props.labelOf(a)}, ${a.establishedYear ?? '?'}${a.kind === 'kommunalt_partnerskap' ? ' (KP)' : ''}`, periods: props.periods[a.slug] ?? [] }))}
    />
  );
}

/**
 * A CSV download for people, twice: separated by commas, and by semicolons for
 * Excel with Swedish settings; headers in the page's language, names beside codes.
 */
export function CsvLinks(props: { lang: Lang; path: string; params?: Record<string, string> }) {
  const sv = props.lang === 'sv';
  const url = (sep?: string) => `${props.path}?${new URLSearchParams({ ...props.params, lang: props.lang, ...(sep ? { sep } : {}) }).toString()}`;
  return (
    <>
      <a href={url()}>{t(props.lang, 'downloadCsv')}</a> · <a href={url('semicolon')}>{sv ? 'CSV för Excel (semikolon)' : 'CSV for Excel with Swedish settings (semicolons)'}</a>
    </>
  );
}

/** The newest activities of a party's or a place's agreements, each with the agreement it belongs to; how many there are in all when more. */
export function RelatedActivities(props: { lang: Lang; activities: { rows: RelatedActivity[]; total: number } }) {
  const { lang, activities } = props;
  if (!activities.rows.length) return null;
  const sv = lang === 'sv';
  return (
    <section aria-labelledby="activities">
      <h2 id="activities">{t(lang, 'activities')}</h2>
      {activities.total > activities.rows.length ? (
        <p>{sv ? `De ${activities.rows.length} senaste av ${activities.total}; varje avtals sida visar alla dess.` : `The latest ${activities.rows.length} of ${activities.total}; each agreement's page shows all of its own.`}</p>
      ) : null}
      <ul>
        {activities.rows.map((a) => (
          <li>
            <span class="when">{formatEdtf(a.date, lang)}</span> · {label(lang, 'activity', a.kind)}: <Localized lang={lang} sv={a.title} en={a.titleEn} /> (
            <a href={href(lang, `/avtal/${a.agreementSlug}`)}>{a.agreementName}</a>)
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The documents the reader may download, each with its size and, where it
 * belongs to a source listed beside others (an agreement's page), the
 * source's title.
 */
export function Documents(props: { lang: Lang; list: Array<{ id: number; fileName: string; sizeBytes: number; sourceTitle?: string | null; sourceLanguage?: string | null }> }) {
  const { lang, list } = props;
  if (!list.length) return null;
  const sv = lang === 'sv';
  return (
    <>
      <h2 id="dokument">{sv ? 'Dokument' : 'Documents'}</h2>
      <ul>
        {list.map((d) => (
          <li>
            <a href={href(lang, `/dokument/${d.id}`)} download={d.fileName}>
              {d.fileName}
            </a>{' '}
            ({fileSize(lang, d.sizeBytes)})
            {d.sourceTitle ? (
              <>
                {sv ? ', till källan ' : ', of the source '}
                <cite lang={d.sourceLanguage === lang ? undefined : (d.sourceLanguage ?? undefined)}>{d.sourceTitle}</cite>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
