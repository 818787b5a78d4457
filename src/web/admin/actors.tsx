// The administrators' pages of Swedish parties (actors): the list, the form
// that adds or changes one, and the form that records a renaming or merger.
import { ACTOR_KINDS, SUCCESSION_KINDS, type actors } from '../../db/schema.ts';
import type { AdminActorRow } from '../../domain/actors/for-edit.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { formatEdtf } from '../format.ts';
import { COUNTIES, label, type Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { AdminLayout, ConflictNotice, formKit, Hidden, SavedNotice, visibilityOptions } from './shared.tsx';

export const ACTOR_FORM_FIELDS = ['name', 'slug', 'otherNames', 'kind', 'municipalityCode', 'countyCode', 'existedFrom', 'existedTo', 'seatLat', 'seatLon', 'note', 'noteEn', 'visibility', 'comment'] as const;
export const SUCCESSION_FORM_FIELDS = ['direction', 'other', 'kind', 'date', 'note', 'comment'] as const;

const SUCCESSION_NAMES = {
  renamed: { sv: 'bytte namn till', en: 'was renamed to' },
  merged: { sv: 'gick upp i', en: 'merged into' },
  took_over: { sv: 'togs över av', en: 'was taken over by' },
} as const;

const words = {
  actors: { sv: 'Svenska parter', en: 'Swedish parties' },
  add: { sv: 'Lägg till en part', en: 'Add a party' },
  change: { sv: 'Ändra', en: 'Change' },
  search: { sv: 'Sök bland parterna', en: 'Search the parties' },
  searchButton: { sv: 'Sök', en: 'Search' },
  name: { sv: 'Namn', en: 'Name' },
  slug: { sv: 'Kortnamn i adressen', en: 'Short name in the address' },
  slugHint: { sv: 'Små bokstäver a–z, siffror och bindestreck. Lämnas tomt bildas det av namnet. Kan inte ändras sedan.', en: 'Lower-case letters a–z, digits and dashes. Left empty, it is made from the name. Cannot be changed later.' },
  otherNames: { sv: 'Andra namn', en: 'Other names' },
  otherNamesHint: { sv: 'Ett namn per rad, till exempel Gothenburg. Hittas i sökningen.', en: 'One name a line, for example Gothenburg. Found by search.' },
  kind: { sv: 'Typ', en: 'Kind' },
  municipalityCode: { sv: 'Kommunkod (SCB)', en: 'Municipality code (SCB)' },
  municipalityCodeHint: { sv: 'Fyra siffror, för kommuner, till exempel 1480.', en: 'Four digits, for municipalities, for example 1480.' },
  countyCode: { sv: 'Länskod (SCB)', en: 'County code (SCB)' },
  countyCodeHint: { sv: 'Två siffror för länet där parten finns, till exempel 14.', en: 'Two digits for the county it is in, for example 14.' },
  existedFrom: { sv: 'Fanns från', en: 'Existed from' },
  existedTo: { sv: 'Fanns till', en: 'Existed until' },
  dateHint: { sv: 'Ett datum så exakt som källan ger det: 2019, 2019-05, 2019-05-14, 2019~ (omkring) eller 2002/2022.', en: 'A date as precise as the source gives it: 2019, 2019-05, 2019-05-14, 2019~ (about) or 2002/2022.' },
  seatLat: { sv: 'Säte, latitud', en: 'Seat, latitude' },
  seatLon: { sv: 'Säte, longitud', en: 'Seat, longitude' },
  latHint: { sv: 'Decimalgrader, till exempel 57.71.', en: 'Decimal degrees, for example 57.71.' },
  lonHint: { sv: 'Decimalgrader, till exempel 11.97.', en: 'Decimal degrees, for example 11.97.' },
  note: { sv: 'Anteckning (svenska)', en: 'Note (Swedish)' },
  noteEn: { sv: 'Anteckning (engelska)', en: 'Note (English)' },
  noteEnHint: { sv: 'Översättning av den svenska anteckningen.', en: 'A translation of the Swedish note.' },
  visibility: { sv: 'Synlighet', en: 'Visibility' },
  comment: { sv: 'Kommentar till ändringen', en: 'Comment on the change' },
  commentHint: { sv: 'Valfri. Sparas i historiken: varför ändringen gjordes, källan.', en: 'Optional. Kept in the history: why the change was made, the source.' },
  save: { sv: 'Spara', en: 'Save' },
  create: { sv: 'Lägg till', en: 'Add' },
  publicPage: { sv: 'Partens sida i registret', en: "The party's page in the register" },
  successions: { sv: 'Namnbyten och sammanslagningar', en: 'Renamings and mergers' },
  successionsIntro: {
    sv: 'En part som bytt namn eller gått upp i en annan blir en ny part i registret. Den gamla behåller sin historik och sina avtal; här länkas de till varandra.',
    en: 'A party that was renamed or merged into another becomes a new party in the register. The old one keeps its history and agreements; here they are linked.',
  },
  none: { sv: 'Inga.', en: 'None.' },
  recordSuccession: { sv: 'Registrera namnbyte eller sammanslagning', en: 'Record a renaming or merger' },
  direction: { sv: 'Den här parten är', en: 'This party is' },
  isPredecessor: { sv: 'den tidigare (föregångaren)', en: 'the earlier one (the predecessor)' },
  isSuccessor: { sv: 'den senare (efterträdaren)', en: 'the later one (the successor)' },
  other: { sv: 'Den andra parten', en: 'The other party' },
  successionKind: { sv: 'Vad hände', en: 'What happened' },
  successionDate: { sv: 'Datum', en: 'Date' },
  successionNote: { sv: 'Anteckning', en: 'Note' },
  record: { sv: 'Registrera', en: 'Record' },
  code: { sv: 'Kod', en: 'Code' },
  county: { sv: 'Län', en: 'County' },
} as const;
const w = (lang: Lang, key: keyof typeof words) => words[key][lang];

export function ActorsAdminPage(props: { lang: Lang; account: string; rows: AdminActorRow[]; q: string }) {
  const { lang } = props;
  return (
    <AdminLayout lang={lang} title={w(lang, 'actors')} path="/admin/parter" account={props.account}>
      <p>
        <a class="button" href={href(lang, '/admin/parter/ny')}>
          {w(lang, 'add')}
        </a>
      </p>
      <form method="get" action="/admin/parter" role="search">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <label for="admin-actor-q">{w(lang, 'search')}</label> <input id="admin-actor-q" type="search" name="q" value={props.q} maxlength={200} />{' '}
        <button type="submit">{w(lang, 'searchButton')}</button>
      </form>
      <table>
        <caption class="visually-hidden">{w(lang, 'actors')}</caption>
        <thead>
          <tr>
            <th scope="col">{w(lang, 'name')}</th>
            <th scope="col">{w(lang, 'kind')}</th>
            <th scope="col">{w(lang, 'code')}</th>
            <th scope="col">{w(lang, 'county')}</th>
            <th scope="col">{w(lang, 'visibility')}</th>
            <th scope="col">{w(lang, 'change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{label(lang, 'actorKind', r.kind)}</td>
              <td>{r.municipalityCode ?? ''}</td>
              <td>{r.countyCode ? (COUNTIES[r.countyCode] ?? r.countyCode) : ''}</td>
              <td>{visibilityOptions(lang).find(([v]) => v === r.visibility)?.[1].split(':')[0]}</td>
              <td>
                <a href={href(lang, `/admin/parter/${r.slug}/andra`)}>
                  {w(lang, 'change')}
                  <span class="visually-hidden"> {r.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

type ActorRow = typeof actors.$inferSelect;

/** An actor's record as its form's fields show it. */
export function actorAsTyped(a: ActorRow): Record<string, string> {
  return {
    name: a.name,
    slug: a.slug,
    otherNames: a.otherNames.join('\n'),
    kind: a.kind,
    municipalityCode: a.municipalityCode ?? '',
    countyCode: a.countyCode ?? '',
    existedFrom: a.existedFrom ?? '',
    existedTo: a.existedTo ?? '',
    seatLat: a.seatLat === null ? '' : String(a.seatLat),
    seatLon: a.seatLon === null ? '' : String(a.seatLon),
    note: a.note ?? '',
    noteEn: a.noteEn ?? '',
    visibility: a.visibility,
    comment: '',
  };
}

export const actorFieldLabels = (lang: Lang): Record<string, string> =>
  Object.fromEntries(ACTOR_FORM_FIELDS.filter((f) => f !== 'slug' && f !== 'comment').map((f) => [f, w(lang, f as keyof typeof words)]));

interface ActorFormProps {
  lang: Lang;
  account: string;
  csrf: string;
  /** Absent for a new actor. */
  existing?: {
    slug: string;
    name: string;
    version: number;
    successions: Array<{ kind: keyof typeof SUCCESSION_NAMES; date: string | null; note: string | null; predecessor: string; predecessorSlug: string; successor: string; successorSlug: string }>;
    choices: Array<{ slug: string; name: string }>;
  };
  typed: Record<string, string>;
  problems?: FieldProblem[];
  conflict?: Array<{ label: string; theirs: string; yours: string }>;
  saved?: boolean;
  succession?: { typed: Record<string, string>; problems?: FieldProblem[]; saved?: boolean };
}

export function ActorFormPage(props: ActorFormProps) {
  const { lang, existing } = props;
  const title = existing ? `${w(lang, 'change')}: ${existing.name}` : w(lang, 'add');
  const path = existing ? `/admin/parter/${existing.slug}/andra` : '/admin/parter/ny';
  const f = formKit({ lang, prefix: 'actor', problems: props.problems ?? [], typed: props.typed });
  return (
    <AdminLayout lang={lang} title={title} path={path} account={props.account}>
      <SavedNotice lang={lang} show={!!props.saved} />
      {existing ? (
        <p>
          <a href={href(lang, `/parter/${existing.slug}`)}>{w(lang, 'publicPage')}</a>
        </p>
      ) : null}
      {props.conflict ? <ConflictNotice lang={lang} rows={props.conflict} /> : null}
      {f.summary()}
      <form method="post" action={href(lang, path)} class="form" novalidate>
        <Hidden csrf={props.csrf} version={existing?.version} />
        {f.text('name', w(lang, 'name'))}
        {existing ? null : f.text('slug', w(lang, 'slug'), { hint: w(lang, 'slugHint'), maxlength: 120 })}
        {f.area('otherNames', w(lang, 'otherNames'), { hint: w(lang, 'otherNamesHint'), rows: 3, maxlength: 6200 })}
        {f.select('kind', w(lang, 'kind'), ACTOR_KINDS.map((k) => [k, label(lang, 'actorKind', k)] as const))}
        {f.text('municipalityCode', w(lang, 'municipalityCode'), { hint: w(lang, 'municipalityCodeHint'), maxlength: 4, inputmode: 'numeric' })}
        {f.text('countyCode', w(lang, 'countyCode'), { hint: w(lang, 'countyCodeHint'), maxlength: 2, inputmode: 'numeric' })}
        {f.text('existedFrom', w(lang, 'existedFrom'), { hint: w(lang, 'dateHint'), maxlength: 40 })}
        {f.text('existedTo', w(lang, 'existedTo'), { hint: w(lang, 'dateHint'), maxlength: 40 })}
        {f.text('seatLat', w(lang, 'seatLat'), { hint: w(lang, 'latHint'), maxlength: 30, inputmode: 'decimal' })}
        {f.text('seatLon', w(lang, 'seatLon'), { hint: w(lang, 'lonHint'), maxlength: 30, inputmode: 'decimal' })}
        {f.area('note', w(lang, 'note'), { lang: 'sv' })}
        {f.area('noteEn', w(lang, 'noteEn'), { hint: w(lang, 'noteEnHint'), lang: 'en' })}
        {f.select('visibility', w(lang, 'visibility'), visibilityOptions(lang))}
        {f.text('comment', w(lang, 'comment'), { hint: w(lang, 'commentHint'), maxlength: 2000 })}
        <button type="submit">{existing ? w(lang, 'save') : w(lang, 'create')}</button>
      </form>
      {existing ? <Successions {...props} existing={existing} /> : null}
    </AdminLayout>
  );
}

function Successions(props: ActorFormProps & { existing: NonNullable<ActorFormProps['existing']> }) {
  const { lang, existing } = props;
  const s = props.succession ?? { typed: { direction: 'predecessor' } };
  const f = formKit({ lang, prefix: 'succession', problems: s.problems ?? [], typed: s.typed });
  const link = (slug: string, name: string) => <a href={href(lang, `/admin/parter/${slug}/andra`)}>{name}</a>;
  return (
    <section aria-labelledby="successions-title">
      <h2 id="successions-title">{w(lang, 'successions')}</h2>
      <p>{w(lang, 'successionsIntro')}</p>
      {existing.successions.length ? (
        <ul>
          {existing.successions.map((x) => (
            <li>
              {link(x.predecessorSlug, x.predecessor)} {SUCCESSION_NAMES[x.kind][lang]} {link(x.successorSlug, x.successor)}
              {x.date ? ` (${formatEdtf(x.date, lang)})` : ''}
              {x.note ? `: ${x.note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{w(lang, 'none')}</p>
      )}
      <h3 id="record-succession">{w(lang, 'recordSuccession')}</h3>
      <SavedNotice lang={lang} show={!!s.saved} />
      {f.summary()}
      <form method="post" action={href(lang, `/admin/parter/${existing.slug}/efterfoljd`)} class="form" novalidate>
        <Hidden csrf={props.csrf} />
        {f.select('direction', w(lang, 'direction'), [
          ['predecessor', w(lang, 'isPredecessor')],
          ['successor', w(lang, 'isSuccessor')],
        ])}
        {f.select('kind', w(lang, 'successionKind'), SUCCESSION_KINDS.map((k) => [k, SUCCESSION_NAMES[k][lang]] as const))}
        {f.select('other', w(lang, 'other'), [['', '—'], ...existing.choices.filter((c) => c.slug !== existing.slug).map((c) => [c.slug, c.name] as const)])}
        {f.text('date', w(lang, 'successionDate'), { hint: w(lang, 'dateHint'), maxlength: 40 })}
        {f.area('note', w(lang, 'successionNote'), { lang: 'sv', rows: 2 })}
        {f.text('comment', w(lang, 'comment'), { hint: w(lang, 'commentHint'), maxlength: 2000 })}
        <button type="submit">{w(lang, 'record')}</button>
      </form>
    </section>
  );
}
