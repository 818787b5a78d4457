// The form that makes or changes an agreement. Parties and counterparts come
// first: they are what an agreement is, and the first button of a form is
// what Enter in any field presses, so Enter searches (and loses nothing)
// rather than saving half a form.
import type { ActorChoice, PlaceChoice } from '../../domain/agreements/choices.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { DATE_FORMS } from '../../domain/dates.ts';
import type { RenewalDates } from '../../domain/agreements/renewal-dates.ts';
import { formatEdtf, formatMoment } from '../format.ts';
import { VISIBILITIES } from '../../db/schema.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { GuidanceLinks } from '../knowledge/guidance-links.tsx';
import type { ArticleSummary } from '../../domain/knowledge/articles.ts';
import { PartyChoices, PlaceChoices, placeText, type SearchNote } from './choices.tsx';
import { agreementFieldId, topField, type AgreementTyped } from './form-state.ts';
import { fieldName, VISIBILITY_NAMES } from './messages.ts';
import { valueText } from './values.ts';

/** Someone else saved between opening the form and sending it: what they saved, beside what was typed. */
export interface ConflictView {
  who: string;
  at: Date | null;
  comment: string | null;
  rows: Array<{ field: string; yours: unknown; theirs: unknown }>;
}

export interface AgreementFormProps {
  /** For a new agreement: the guidance in force on the topic (web/knowledge/guidance-links.tsx). */
  guidance?: ArticleSummary[];
  lang: Lang;
  account: string;
  csrf: string;
  /** The agreement being changed; none when making a new one. */
  agreement?: { slug: string; title: string };
  version?: number;
  typed: AgreementTyped;
  kinds: Array<{ code: string; nameSv: string; nameEn: string }>;
  actors: Map<string, ActorChoice>;
  places: Map<string, PlaceChoice>;
  problems: FieldProblem[];
  actorNote?: SearchNote;
  placeNote?: SearchNote;
  conflict?: ConflictView;
  /** What the stored term, renewal and notice give on `today` (an agreement being changed). */
  renewal?: { dates: RenewalDates; today: string };
}

const when = (lang: Lang, d: Date) => formatMoment(d, lang, 'longMinute');

export function ConflictNotice(props: { lang: Lang; conflict: ConflictView; names?: Parameters<typeof valueText>[3] }) {
  const { lang, conflict } = props;
  const sv = lang === 'sv';
  return (
    <div class="notice conflict" role="alert" id="conflict" tabindex={-1}>
      <h2>{sv ? 'Någon annan har sparat under tiden' : 'Someone else saved meanwhile'}</h2>
      <p>
        {sv
          ? `${conflict.who} sparade${conflict.at ? ` ${when(lang, conflict.at)}` : ''} medan du skrev. Inget av det du skrev har sparats, och allt står kvar i formuläret. Jämför, ändra det som behövs och spara igen: då sparas dina värden.`
          : `${conflict.who} saved${conflict.at ? ` on ${when(lang, conflict.at)}` : ''} while you were writing. Nothing you typed has been saved, and it is all still in the form. Compare, change what is needed and save again: your values are then saved.`}
      </p>
      {conflict.comment ? (
        <p>
          {sv ? 'Deras kommentar' : 'Their comment'}: {conflict.comment}
        </p>
      ) : null}
      {conflict.rows.length ? (
        <table>
          <caption>{sv ? 'Fält där ditt och deras skiljer sig' : 'Fields where yours and theirs differ'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Fält' : 'Field'}</th>
              <th scope="col">{sv ? 'Ditt (i formuläret)' : 'Yours (in the form)'}</th>
              <th scope="col">{sv ? 'Sparat av den andra' : 'Saved by the other person'}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.rows.map((r) => (
              <tr>
                <th scope="row">{fieldName(lang, r.field)}</th>
                <td>{valueText(lang, r.field, r.yours, props.names)}</td>
                <td>{valueText(lang, r.field, r.theirs, props.names)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Deras ändring gäller inget av fälten i formuläret.' : 'Their change touches none of the fields in this form.'}</p>
      )}
    </div>
  );
}

export function AgreementFormPage(p: AgreementFormProps) {
  const { lang, typed: t } = p;
  const sv = lang === 'sv';
  const creating = !p.agreement;
  const heading = creating ? (sv ? 'Nytt avtal' : 'New agreement') : sv ? `Ändra avtal: ${p.agreement!.title}` : `Change agreement: ${p.agreement!.title}`;
  const path = creating ? '/avtal/ny' : `/avtal/${p.agreement!.slug}/andra`;
  const summary = p.problems.map((x) => ({ ...x, id: agreementFieldId(x.field) }));
  const problemOf = (field: string) => p.problems.find((x) => topField(x) === field);
  const messageOf = (field: string) => problemOf(field)?.message;
  const text = (field: keyof AgreementTyped, opts: { hint?: string; max?: number; lang?: string } = {}) => (
    <Field lang={lang} id={`f-${field}`} label={fieldName(lang, field)} hint={opts.hint} problem={problemOf(field)}>
      {(described) => <input type="text" id={`f-${field}`} name={field} value={t[field] as string} maxlength={opts.max ?? 2000} {...described} />}
    </Field>
  );
  // Whole numbers typed as text (inputmode numeric): a browser's number field would drop what is not a number before the verb could name it.
  const whole = (field: 'termMonths' | 'renewalMonths' | 'noticeMonths' | 'noticeDays', hint: string) => (
    <Field lang={lang} id={`f-${field}`} label={fieldName(lang, field)} hint={hint} problem={problemOf(field)}>
      {(described) => <input type="text" inputmode="numeric" id={`f-${field}`} name={field} value={t[field]} maxlength={10} {...described} />}
    </Field>
  );
  const area = (field: keyof AgreementTyped, opts: { hint?: string; max?: number; lang?: string } = {}) => (
    <Field lang={lang} id={`f-${field}`} label={fieldName(lang, field)} hint={opts.hint} problem={problemOf(field)}>
      {(described) => (
        <textarea id={`f-${field}`} name={field} rows={4} maxlength={opts.max ?? 10000} lang={opts.lang} {...described}>
          {t[field] as string}
        </textarea>
      )}
    </Field>
  );
  const names = { actor: (s: string) => p.actors.get(s)?.name, place: (s: string) => (p.places.get(s) ? placeText(lang, p.places.get(s)!) : undefined) };
  return (
    <Layout lang={lang} title={heading} path={path} account={p.account}>
      <h1>{heading}</h1>
      {p.agreement ? (
        <p>
          <a href={href(lang, `/avtal/${p.agreement.slug}`)}>{sv ? 'Till avtalets sida' : 'To the agreement’s page'}</a> ·{' '}
          <a href={href(lang, `/avtal/${p.agreement.slug}/historik`)}>{sv ? 'Historik' : 'History'}</a>
        </p>
      ) : (
        <GuidanceLinks lang={lang} articles={p.guidance ?? []} />
      )}
      {p.conflict ? <ConflictNotice lang={lang} conflict={p.conflict} names={names} /> : null}
      <ErrorSummary lang={lang} problems={summary} />
      <form method="post" action={href(lang, path)} class="form wide" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        {p.version !== undefined ? <input type="hidden" name="version" value={String(p.version)} /> : null}
        <PartyChoices lang={lang} rows={t.parties} known={p.actors} query={t.actorQuery} note={p.actorNote} problem={messageOf('parties')} />
        <PlaceChoices lang={lang} rows={t.places} known={p.places} query={t.placeQuery} note={p.placeNote} problem={messageOf('counterparts')} />
        <Field lang={lang} id="f-kind" label={fieldName(lang, 'kind')} problem={problemOf('kind')}>
          {(described) => (
            <select id="f-kind" name="kind" {...described}>
              {p.kinds.map((k) => (
                <option value={k.code} selected={t.kind === k.code}>
                  {sv ? k.nameSv : k.nameEn}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('officialTitle', { hint: sv ? 'Som den står i avtalet, på avtalets språk.' : 'As written in the agreement, in its language.' })}
        {text('officialTitleLanguage', { hint: sv ? 'Benämningens språk med två bokstäver: sv, en, zh.' : "The title's language as two letters: sv, en, zh.", max: 2 })}
        {text('officialTitleEn', { lang: 'en' })}
        {text('signedOn', { hint: DATE_FORMS[lang], max: 40 })}
        {text('term', { hint: sv ? 'Till exempel ”tre år”.' : 'For example “three years”.', max: 200 })}
        {text('renewalRule', { hint: sv ? 'Till exempel ”förlängs ett år i taget om ingen säger upp det”.' : 'For example “renewed a year at a time unless ended”.' })}
        <fieldset class="field">
          <legend>{sv ? 'Löptid och förnyelse i siffror' : 'Term and renewal as numbers'}</legend>
          <p class="hint">
            {sv
              ? 'Fyll bara i det som källan säger exakt. Av dem räknar Ortsband ut nästa förnyelse och sista dag att säga upp avtalet, från dagen det undertecknades (eller ingicks), och påminner om dem.'
              : 'Fill in only what the source states exactly. From these Ortsband works out the next renewal and the last day to give notice, from the day it was signed (or established), and reminds of them.'}
          </p>
          {whole('termMonths', sv ? 'Den första löptiden, till exempel 24 för två år.' : 'The first term, for example 24 for two years.')}
          {whole('renewalMonths', sv ? 'Förnyas automatiskt med så många månader om ingen säger upp det. Tomt: avtalet löper ut.' : 'Renewed automatically by this many months unless someone gives notice. Empty: the agreement expires.')}
          {whole('noticeMonths', sv ? 'Uppsägning senast så många månader före förnyelsen.' : 'Notice at the latest this many months before the renewal.')}
          {whole('noticeDays', sv ? 'Eller i dagar, om avtalet anger dagar.' : 'Or in days, where the agreement gives days.')}
          {p.renewal ? <RenewalNote lang={lang} {...p.renewal} /> : null}
        </fieldset>
        {text('endsOn', { hint: DATE_FORMS[lang], max: 40 })}
        {area('themes', { hint: sv ? 'Ett område per rad.' : 'One area per line.', max: 10000 })}
        {area('themesEn', { hint: sv ? 'Samma områden på engelska, ett per rad i samma ordning.' : 'The same areas in English, one per line in the same order.', max: 10000, lang: 'en' })}
        {text('funding')}
        {text('fundingEn', { lang: 'en' })}
        {text('responsibleUnit', { max: 500 })}
        {text('parent', { hint: sv ? 'Det överordnade avtalets adress, till exempel linkoping-guangzhou-vanort. Tomt för inget.' : 'The parent agreement’s address, e.g. linkoping-guangzhou-vanort. Empty for none.', max: 120 })}
        {area('summary')}
        {area('summaryEn', { lang: 'en' })}
        <fieldset class={problemOf('visibility') ? 'field field-error' : 'field'}>
          <legend>{fieldName(lang, 'visibility')}</legend>
          {problemOf('visibility') ? <span class="error-message">{messageOf('visibility')}</span> : null}
          {VISIBILITIES.map((v, i) => (
            <div class="radio">
              <input type="radio" id={i === 0 ? 'f-visibility' : `f-visibility-${v}`} name="visibility" value={v} checked={(t.visibility || 'public') === v} />
              <label for={i === 0 ? 'f-visibility' : `f-visibility-${v}`} class="inline-label">
                {VISIBILITY_NAMES[v][lang]}
              </label>
            </div>
          ))}
        </fieldset>
        {creating
          ? text('slug', {
              hint: sv
                ? 'Avtalets adress i registret: små bokstäver, siffror och bindestreck. Tomt: den bildas av parternas namn och avtalsformen.'
                : 'The agreement’s address in the register: lower-case letters, digits and dashes. Empty: made from the parties’ names and the kind.',
              max: 120,
            })
          : null}
        {area('comment', { hint: sv ? 'Varför du ändrar: syns i historiken. Frivilligt.' : 'Why you are changing it: shown in the history. Optional.', max: 2000 })}
        <button type="submit" name="action" value="save">
          {creating ? (sv ? 'Skapa avtalet' : 'Create the agreement') : sv ? 'Spara ändringarna' : 'Save the changes'}
        </button>
      </form>
    </Layout>
  );
}

/** What the saved term, renewal and notice give today; where the start is not known to the day, that no day can be given. */
export function RenewalNote(props: { lang: Lang; dates: RenewalDates; today: string }) {
  const { lang, dates: d, today } = props;
  const sv = lang === 'sv';
  let text: string;
  if (d.kind === 'none') {
    if (d.why === 'no_term') return null;
    text = sv ? 'Avtalet har upphört: ingen förnyelse och ingen uppsägning återstår.' : 'The agreement has ended: no renewal and no notice remain.';
  } else if (d.kind === 'expires') {
    text = sv ? `Med de sparade uppgifterna ${d.past ? 'löpte avtalet ut' : 'löper avtalet ut'} ${d.on}.` : `With the saved values the agreement ${d.past ? 'expired' : 'expires'} on ${d.on}.`;
  } else if (d.kind === 'renews') {
    const notice = !d.noticeBy
      ? sv ? ' Ingen uppsägningstid är sparad.' : ' No notice period is saved.'
      : d.noticeBy >= today
        ? sv ? ` Sista dag att säga upp det före dess: ${d.noticeBy}.` : ` Last day to give notice before then: ${d.noticeBy}.`
        : sv ? ` Sista dagen att säga upp det före dess (${d.noticeBy}) har passerat; nästa är ${d.nextNotice!.noticeBy}, före förnyelsen ${d.nextNotice!.renewsOn}.` : ` The last day to give notice before then (${d.noticeBy}) has passed; the next is ${d.nextNotice!.noticeBy}, before the renewal on ${d.nextNotice!.renewsOn}.`;
    text = (sv ? `Med de sparade uppgifterna förnyas avtalet nästa gång ${d.renewsOn}.` : `With the saved values the agreement next renews on ${d.renewsOn}.`) + notice;
  } else {
    const what = d.renewal === 'renews' ? (sv ? 'nästa förnyelse' : 'the next renewal') : sv ? 'slutet' : 'the end';
    const start = d.start ? formatEdtf(d.start, lang) : null;
    text = start
      ? sv ? `Avtalets början (${start}) är inte känd på dagen, så ingen dag kan räknas ut och Ortsband påminner inte om den.` : `The agreement's start (${start}) is not known to the day, so no day can be given and Ortsband does not remind of it.`
      : sv ? 'Avtalets början (undertecknande eller ingående) är inte känd, så ingen dag kan räknas ut och Ortsband påminner inte om den.' : "The agreement's start (signing or establishment) is not known, so no day can be given and Ortsband does not remind of it.";
    if (d.between) text += sv ? ` ${what[0]!.toUpperCase()}${what.slice(1)} infaller mellan ${d.between.from} och ${d.between.to}.` : ` ${what[0]!.toUpperCase()}${what.slice(1)} falls between ${d.between.from} and ${d.between.to}.`;
    if (d.noticeBetween) text += sv ? ` Sista dag att säga upp infaller mellan ${d.noticeBetween.from} och ${d.noticeBetween.to}.` : ` The last day to give notice falls between ${d.noticeBetween.from} and ${d.noticeBetween.to}.`;
  }
  return (
    <p class="notice" id="f-renewal-dates">
      {text}
    </p>
  );
}
