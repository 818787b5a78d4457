// The administrators' page of organisations: the list and the form that
// adds one, a Swedish body of the register or a national body.
import type { FieldProblem } from '../../domain/errors.ts';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { AdminLayout, formKit, Hidden, SavedNotice } from './shared.tsx';

export const ORGANISATION_FORM_FIELDS = ['name', 'slug', 'actor', 'comment'] as const;

const words = {
  title: { sv: 'Organisationer', en: 'Organisations' },
  intro: {
    sv: 'Varje användare hör till en organisation, och varje post ägs av en. En organisation är en svensk part i registret (en kommun, region eller länsstyrelse) eller ett nationellt organ utan egen part: Nationellt kunskapscentrum om Kina, SKR, ett departement.',
    en: 'Every user belongs to an organisation, and every record is owned by one. An organisation is a Swedish party of the register (a municipality, region or county board) or a national body without a party of its own: the national China centre, SKR, a ministry.',
  },
  name: { sv: 'Namn', en: 'Name' },
  slug: { sv: 'Kortnamn', en: 'Short name' },
  slugHint: { sv: 'Små bokstäver a–z, siffror och bindestreck. Lämnas tomt bildas det av namnet.', en: 'Lower-case letters a–z, digits and dashes. Left empty, it is made from the name.' },
  actor: { sv: 'Svensk part i registret', en: 'Swedish party of the register' },
  actorHint: {
    sv: 'Partens namn, kortnamn eller kommunkod, till exempel Göteborgs Stad eller 1480. Lämna tomt för ett nationellt organ.',
    en: "The party's name, short name or municipality code, for example Göteborgs Stad or 1480. Leave empty for a national body.",
  },
  comment: { sv: 'Kommentar', en: 'Comment' },
  commentHint: { sv: 'Valfri. Sparas i historiken.', en: 'Optional. Kept in the history.' },
  users: { sv: 'Användare', en: 'Users' },
  body: { sv: 'Part', en: 'Party' },
  national: { sv: 'nationellt organ', en: 'national body' },
  add: { sv: 'Lägg till en organisation', en: 'Add an organisation' },
  create: { sv: 'Lägg till', en: 'Add' },
} as const;
const w = (lang: Lang, key: keyof typeof words) => words[key][lang];

export function OrganisationsPage(props: {
  lang: Lang;
  account: string;
  csrf: string;
  organisations: Array<{ slug: string; name: string; actorSlug: string | null; actorName: string | null; users: number }>;
  actorNames: string[];
  typed: Record<string, string>;
  problems?: FieldProblem[];
  added?: string;
}) {
  const { lang } = props;
  const f = formKit({ lang, prefix: 'organisation', problems: props.problems ?? [], typed: props.typed });
  return (
    <AdminLayout lang={lang} title={w(lang, 'title')} path="/admin/organisationer" account={props.account}>
      <SavedNotice lang={lang} show={!!props.added} what={props.added} />
      <p>{w(lang, 'intro')}</p>
      <table>
        <caption class="visually-hidden">{w(lang, 'title')}</caption>
        <thead>
          <tr>
            <th scope="col">{w(lang, 'name')}</th>
            <th scope="col">{w(lang, 'slug')}</th>
            <th scope="col">{w(lang, 'body')}</th>
            <th scope="col" class="num">{w(lang, 'users')}</th>
          </tr>
        </thead>
        <tbody>
          {props.organisations.map((o) => (
            <tr>
              <td>{o.name}</td>
              <td>{o.slug}</td>
              <td>{o.actorSlug ? <a href={href(lang, `/parter/${o.actorSlug}`)}>{o.actorName}</a> : <span class="hint">{w(lang, 'national')}</span>}</td>
              <td class="num">{o.users}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="add">{w(lang, 'add')}</h2>
      {f.summary()}
      <form method="post" action={href(lang, '/admin/organisationer')} class="form" novalidate>
        <Hidden csrf={props.csrf} />
        {f.text('name', w(lang, 'name'))}
        {f.text('slug', w(lang, 'slug'), { hint: w(lang, 'slugHint'), maxlength: 120 })}
        {f.text('actor', w(lang, 'actor'), { hint: w(lang, 'actorHint'), list: 'actor-names' })}
        <datalist id="actor-names">
          {props.actorNames.map((n) => (
            <option value={n} />
          ))}
        </datalist>
        {f.text('comment', w(lang, 'comment'), { hint: w(lang, 'commentHint'), maxlength: 2000 })}
        <button type="submit">{w(lang, 'create')}</button>
      </form>
    </AdminLayout>
  );
}
