// The administrators' pages of agreement kinds (the report's vänort and
// kommunalt partnerskap, and any an administrator adds), and the start page
// of the administration.
import type { FieldProblem } from '../../domain/errors.ts';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { ADMIN_PAGES, AdminLayout, formKit, Hidden, SavedNotice } from './shared.tsx';

export const KIND_FORM_FIELDS = ['code', 'nameSv', 'nameEn', 'timeLimited', 'comment'] as const;
export const RENAME_FORM_FIELDS = ['nameSv', 'nameEn', 'comment'] as const;

const words = {
  title: { sv: 'Avtalsformer', en: 'Kinds of agreement' },
  intro: {
    sv: 'Rapportens två former är vänortssamarbete (inte tidsbegränsat) och kommunalt partnerskap (tidsbegränsat). Koden kan inte ändras sedan den skapats: avtal, importer och länkar använder den.',
    en: "The report's two kinds are twinning (not time-limited) and municipal partnership (time-limited). A code cannot change once made: agreements, imports and links use it.",
  },
  code: { sv: 'Kod', en: 'Code' },
  codeHint: { sv: 'Små bokstäver a–z, siffror och understreck, till exempel projektavtal.', en: 'Lower-case letters a–z, digits and underscores, for example projektavtal.' },
  nameSv: { sv: 'Namn på svenska', en: 'Name in Swedish' },
  nameEn: { sv: 'Namn på engelska', en: 'Name in English' },
  timeLimited: { sv: 'Tidsbegränsad', en: 'Time-limited' },
  timeLimitedHint: {
    sv: 'Ett tidsbegränsat avtal räknas inte som avslutat när tiden gått ut, bara när någon avslutar det (rapportens regel). Kan inte ändras sedan.',
    en: 'A time-limited agreement is not counted as ended when its term runs out, only when someone ends it (the report’s rule). Cannot be changed later.',
  },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  agreements: { sv: 'Avtal', en: 'Agreements' },
  rename: { sv: 'Byt namn', en: 'Rename' },
  add: { sv: 'Lägg till en avtalsform', en: 'Add a kind of agreement' },
  create: { sv: 'Lägg till', en: 'Add' },
  save: { sv: 'Spara', en: 'Save' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  commentHint: { sv: 'Valfri. Sparas i historiken.', en: 'Optional. Kept in the history.' },
  home: { sv: 'Administration', en: 'Administration' },
  homeIntro: {
    sv: 'Här hanterar administratörer användare, organisationer och registrets referensdata. Varje ändring sparas i historiken med vem, när, före och efter.',
    en: "Here administrators manage users, organisations and the register's reference data. Every change is kept in the history with who, when, before and after.",
  },
} as const;
const w = (lang: Lang, key: keyof typeof words) => words[key][lang];

export interface KindRow {
  code: string;
  nameSv: string;
  nameEn: string;
  timeLimited: boolean;
  agreements: number;
}

export function KindsPage(props: { lang: Lang; account: string; csrf: string; kinds: KindRow[]; typed: Record<string, string>; problems?: FieldProblem[]; saved?: string }) {
  const { lang } = props;
  const f = formKit({ lang, prefix: 'kind', problems: props.problems ?? [], typed: props.typed });
  return (
    <AdminLayout lang={lang} title={w(lang, 'title')} path="/admin/avtalstyper" account={props.account}>
      <SavedNotice lang={lang} show={!!props.saved} what={props.saved} />
      <p>{w(lang, 'intro')}</p>
      <table>
        <caption class="visually-hidden">{w(lang, 'title')}</caption>
        <thead>
          <tr>
            <th scope="col">{w(lang, 'code')}</th>
            <th scope="col">{w(lang, 'nameSv')}</th>
            <th scope="col">{w(lang, 'nameEn')}</th>
            <th scope="col">{w(lang, 'timeLimited')}</th>
            <th scope="col" class="num">{w(lang, 'agreements')}</th>
            <th scope="col">{w(lang, 'rename')}</th>
          </tr>
        </thead>
        <tbody>
          {props.kinds.map((k) => (
            <tr>
              <td>{k.code}</td>
              <td lang="sv">{k.nameSv}</td>
              <td lang="en">{k.nameEn}</td>
              <td>{k.timeLimited ? w(lang, 'yes') : w(lang, 'no')}</td>
              <td class="num">{k.agreements}</td>
              <td>
                <a href={href(lang, `/admin/avtalstyper/${k.code}/andra`)}>
                  {w(lang, 'rename')}
                  <span class="visually-hidden"> {lang === 'sv' ? k.nameSv : k.nameEn}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="add">{w(lang, 'add')}</h2>
      {f.summary()}
      <form method="post" action={href(lang, '/admin/avtalstyper')} class="form" novalidate>
        <Hidden csrf={props.csrf} />
        {f.text('code', w(lang, 'code'), { hint: w(lang, 'codeHint'), maxlength: 60 })}
        {f.text('nameSv', w(lang, 'nameSv'), { lang: 'sv', maxlength: 200 })}
        {f.text('nameEn', w(lang, 'nameEn'), { lang: 'en', maxlength: 200 })}
        {f.select(
          'timeLimited',
          w(lang, 'timeLimited'),
          [
            ['no', w(lang, 'no')],
            ['yes', w(lang, 'yes')],
          ],
          { hint: w(lang, 'timeLimitedHint') },
        )}
        {f.text('comment', w(lang, 'comment'), { hint: w(lang, 'commentHint'), maxlength: 2000 })}
        <button type="submit">{w(lang, 'create')}</button>
      </form>
    </AdminLayout>
  );
}

export function RenameKindPage(props: { lang: Lang; account: string; csrf: string; kind: KindRow; typed: Record<string, string>; problems?: FieldProblem[] }) {
  const { lang, kind } = props;
  const path = `/admin/avtalstyper/${kind.code}/andra`;
  const f = formKit({ lang, prefix: 'rename', problems: props.problems ?? [], typed: props.typed });
  return (
    <AdminLayout lang={lang} title={`${w(lang, 'rename')}: ${lang === 'sv' ? kind.nameSv : kind.nameEn}`} path={path} account={props.account}>
      <p>
        {w(lang, 'code')}: <code>{kind.code}</code>. {w(lang, 'timeLimited')}: {kind.timeLimited ? w(lang, 'yes') : w(lang, 'no')}.
      </p>
      {f.summary()}
      <form method="post" action={href(lang, path)} class="form" novalidate>
        <Hidden csrf={props.csrf} />
        {f.text('nameSv', w(lang, 'nameSv'), { lang: 'sv', maxlength: 200 })}
        {f.text('nameEn', w(lang, 'nameEn'), { lang: 'en', maxlength: 200 })}
        {f.text('comment', w(lang, 'comment'), { hint: w(lang, 'commentHint'), maxlength: 2000 })}
        <button type="submit">{w(lang, 'save')}</button>
      </form>
    </AdminLayout>
  );
}

export function AdminHomePage(props: { lang: Lang; account: string }) {
  const { lang } = props;
  return (
    <AdminLayout lang={lang} title={w(lang, 'home')} path="/admin" account={props.account}>
      <p>{w(lang, 'homeIntro')}</p>
      <ul>
        {ADMIN_PAGES.map((p) => (
          <li>
            <a href={href(lang, p.path)}>{p[lang]}</a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
