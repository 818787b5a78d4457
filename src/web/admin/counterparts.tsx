// The administrators' pages of counterparts (Chinese places): the list in
// hierarchy order and the form that adds or changes one, its parent included.
import { COUNTERPART_LEVELS, type counterparts } from '../../db/schema.ts';
import type { AdminPlaceRow } from '../../domain/counterparts/for-edit.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { label, type Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { AdminLayout, ConflictNotice, formKit, Hidden, SavedNotice, visibilityOptions } from './shared.tsx';

export const PLACE_FORM_FIELDS = ['nameLatin', 'slug', 'nameNative', 'namePinyin', 'otherNames', 'level', 'parent', 'lat', 'lon', 'note', 'noteEn', 'visibility', 'comment'] as const;

const words = {
  places: { sv: 'Motparter (orter)', en: 'Counterparts (places)' },
  add: { sv: 'Lägg till en ort', en: 'Add a place' },
  change: { sv: 'Ändra', en: 'Change' },
  search: { sv: 'Sök bland orterna', en: 'Search the places' },
  searchButton: { sv: 'Sök', en: 'Search' },
  nameLatin: { sv: 'Namn med latinska bokstäver', en: 'Name in Latin letters' },
  nameLatinHint: { sv: 'Som det skrivs på svenska eller engelska, till exempel Suzhou.', en: 'As written in Swedish or English, for example Suzhou.' },
  slug: { sv: 'Kortnamn i adressen', en: 'Short name in the address' },
  slugHint: { sv: 'Små bokstäver a–z, siffror och bindestreck. Lämnas tomt bildas det av namnet. Kan inte ändras sedan.', en: 'Lower-case letters a–z, digits and dashes. Left empty, it is made from the name. Cannot be changed later.' },
  nameNative: { sv: 'Namn med kinesiska tecken (汉字)', en: 'Name in Chinese characters (汉字)' },
  nameNativeHint: { sv: 'Till exempel 苏州市.', en: 'For example 苏州市.' },
  namePinyin: { sv: 'Pinyin med toner', en: 'Pinyin with tones' },
  namePinyinHint: { sv: 'Till exempel Sūzhōu.', en: 'For example Sūzhōu.' },
  otherNames: { sv: 'Andra namn', en: 'Other names' },
  otherNamesHint: { sv: 'Ett namn per rad: äldre stavningar och exonymer, till exempel Kanton. Hittas i sökningen.', en: 'One name a line: older spellings and exonyms, for example Canton. Found by search.' },
  level: { sv: 'Nivå', en: 'Level' },
  parent: { sv: 'Ligger i', en: 'Lies in' },
  parentHint: { sv: 'Kortnamnet på orten den ligger i, till exempel jiangsu. Tomt för en provins.', en: 'The short name of the place it lies in, for example jiangsu. Empty for a province.' },
  lat: { sv: 'Latitud', en: 'Latitude' },
  lon: { sv: 'Longitud', en: 'Longitude' },
  latHint: { sv: 'Decimalgrader, till exempel 31.30.', en: 'Decimal degrees, for example 31.30.' },
  lonHint: { sv: 'Decimalgrader, till exempel 120.62.', en: 'Decimal degrees, for example 120.62.' },
  note: { sv: 'Anteckning (svenska)', en: 'Note (Swedish)' },
  noteEn: { sv: 'Anteckning (engelska)', en: 'Note (English)' },
  noteEnHint: { sv: 'Översättning av den svenska anteckningen.', en: 'A translation of the Swedish note.' },
  visibility: { sv: 'Synlighet', en: 'Visibility' },
  comment: { sv: 'Kommentar till ändringen', en: 'Comment on the change' },
  commentHint: { sv: 'Valfri. Sparas i historiken: varför ändringen gjordes, källan.', en: 'Optional. Kept in the history: why the change was made, the source.' },
  save: { sv: 'Spara', en: 'Save' },
  create: { sv: 'Lägg till', en: 'Add' },
  publicPage: { sv: 'Ortens sida i registret', en: "The place's page in the register" },
  inside: { sv: 'Ligger i', en: 'Lies in' },
  name: { sv: 'Namn', en: 'Name' },
} as const;
const w = (lang: Lang, key: keyof typeof words) => words[key][lang];

export function PlacesAdminPage(props: { lang: Lang; account: string; rows: AdminPlaceRow[]; q: string }) {
  const { lang } = props;
  return (
    <AdminLayout lang={lang} title={w(lang, 'places')} path="/admin/motparter" account={props.account}>
      <p>
        <a class="button" href={href(lang, '/admin/motparter/ny')}>
          {w(lang, 'add')}
        </a>
      </p>
      <form method="get" action="/admin/motparter" role="search">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <label for="admin-place-q">{w(lang, 'search')}</label> <input id="admin-place-q" type="search" name="q" value={props.q} maxlength={200} />{' '}
        <button type="submit">{w(lang, 'searchButton')}</button>
      </form>
      <table>
        <caption class="visually-hidden">{w(lang, 'places')}</caption>
        <thead>
          <tr>
            <th scope="col">{w(lang, 'name')}</th>
            <th scope="col">{w(lang, 'level')}</th>
            <th scope="col">{w(lang, 'inside')}</th>
            <th scope="col">{w(lang, 'visibility')}</th>
            <th scope="col">{w(lang, 'change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td style={`padding-left: ${0.5 + r.depth * 1.25}rem`}>
                {r.nameLatin} {r.nameNative ? <span lang="zh">{r.nameNative}</span> : null}
              </td>
              <td>{label(lang, 'level', r.level)}</td>
              <td>{r.path}</td>
              <td>{visibilityOptions(lang).find(([v]) => v === r.visibility)?.[1].split(':')[0]}</td>
              <td>
                <a href={href(lang, `/admin/motparter/${r.slug}/andra`)}>
                  {w(lang, 'change')}
                  <span class="visually-hidden"> {r.nameLatin}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

type PlaceRow = typeof counterparts.$inferSelect;

/** A place's record as its form's fields show it. */
export function placeAsTyped(p: PlaceRow, parentSlug: string | null): Record<string, string> {
  return {
    nameLatin: p.nameLatin,
    slug: p.slug,
    nameNative: p.nameNative ?? '',
    namePinyin: p.namePinyin ?? '',
    otherNames: p.otherNames.join('\n'),
    level: p.level,
    parent: parentSlug ?? '',
    lat: p.lat === null ? '' : String(p.lat),
    lon: p.lon === null ? '' : String(p.lon),
    note: p.note ?? '',
    noteEn: p.noteEn ?? '',
    visibility: p.visibility,
    comment: '',
  };
}

export const placeFieldLabels = (lang: Lang): Record<string, string> =>
  Object.fromEntries(PLACE_FORM_FIELDS.filter((f) => f !== 'slug' && f !== 'comment').map((f) => [f, w(lang, f as keyof typeof words)]));

export function PlaceFormPage(props: {
  lang: Lang;
  account: string;
  csrf: string;
  existing?: { slug: string; nameLatin: string; version: number };
  parents: Array<{ slug: string; label: string }>;
  typed: Record<string, string>;
  problems?: FieldProblem[];
  conflict?: Array<{ label: string; theirs: string; yours: string }>;
  saved?: boolean;
}) {
  const { lang, existing } = props;
  const title = existing ? `${w(lang, 'change')}: ${existing.nameLatin}` : w(lang, 'add');
  const path = existing ? `/admin/motparter/${existing.slug}/andra` : '/admin/motparter/ny';
  const f = formKit({ lang, prefix: 'place', problems: props.problems ?? [], typed: props.typed });
  return (
    <AdminLayout lang={lang} title={title} path={path} account={props.account}>
      <SavedNotice lang={lang} show={!!props.saved} />
      {existing ? (
        <p>
          <a href={href(lang, `/motparter/${existing.slug}`)}>{w(lang, 'publicPage')}</a>
        </p>
      ) : null}
      {props.conflict ? <ConflictNotice lang={lang} rows={props.conflict} /> : null}
      {f.summary()}
      <form method="post" action={href(lang, path)} class="form" novalidate>
        <Hidden csrf={props.csrf} version={existing?.version} />
        {f.text('nameLatin', w(lang, 'nameLatin'), { hint: w(lang, 'nameLatinHint') })}
        {existing ? null : f.text('slug', w(lang, 'slug'), { hint: w(lang, 'slugHint'), maxlength: 120 })}
        {f.text('nameNative', w(lang, 'nameNative'), { hint: w(lang, 'nameNativeHint'), lang: 'zh' })}
        {f.text('namePinyin', w(lang, 'namePinyin'), { hint: w(lang, 'namePinyinHint'), lang: 'zh-Latn-pinyin' })}
        {f.area('otherNames', w(lang, 'otherNames'), { hint: w(lang, 'otherNamesHint'), rows: 3, maxlength: 6200 })}
        {f.select('level', w(lang, 'level'), COUNTERPART_LEVELS.map((l) => [l, label(lang, 'level', l)] as const))}
        {f.text('parent', w(lang, 'parent'), { hint: w(lang, 'parentHint'), maxlength: 120, list: 'parent-choices' })}
        <datalist id="parent-choices">
          {props.parents.map((p) => (
            <option value={p.slug}>{p.label}</option>
          ))}
        </datalist>
        {f.text('lat', w(lang, 'lat'), { hint: w(lang, 'latHint'), maxlength: 30, inputmode: 'decimal' })}
        {f.text('lon', w(lang, 'lon'), { hint: w(lang, 'lonHint'), maxlength: 30, inputmode: 'decimal' })}
        {f.area('note', w(lang, 'note'), { lang: 'sv' })}
        {f.area('noteEn', w(lang, 'noteEn'), { hint: w(lang, 'noteEnHint'), lang: 'en' })}
        {f.select('visibility', w(lang, 'visibility'), visibilityOptions(lang))}
        {f.text('comment', w(lang, 'comment'), { hint: w(lang, 'commentHint'), maxlength: 2000 })}
        <button type="submit">{existing ? w(lang, 'save') : w(lang, 'create')}</button>
      </form>
    </AdminLayout>
  );
}
