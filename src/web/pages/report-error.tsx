// "Rapportera ett fel": a reader tells the register's keepers what is wrong,
// on which page, and (if they want an answer) their address. A page of its
// own, never cached: its form carries a token for the visitor alone.
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { problemsFor } from '../records/words.ts';

export interface ReportErrorPageProps {
  lang: Lang;
  csrf: string;
  typed: Record<string, string>;
  problems?: FieldProblem[];
  /** A refusal of the whole report (too many): shown at the top. */
  notice?: string;
  sent?: boolean;
}

export function ReportErrorPage(p: ReportErrorPageProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const title = sv ? 'Rapportera ett fel' : 'Report an error';
  const problems = problemsFor(lang, 'report', p.problems);
  const problemOf = (field: string) => problems.find((x) => x.id === `report-${field}`);
  return (
    <Layout lang={lang} title={title} path="/om/fel">
      <h1>{title}</h1>
      <Notices done={p.sent ? (sv ? 'Tack! Rapporten är skickad till registrets administratörer.' : "Thank you! The report is sent to the register's administrators.") : undefined} alert={p.notice} />
      <p>
        {sv
          ? 'Ser du en uppgift som är fel eller saknas? Skriv vad källan säger och var. Rapporten läses av registrets administratörer; ingen annan ser den.'
          : "Do you see a fact that is wrong or missing? Write what the source says and where. The report is read by the register's administrators; nobody else sees it."}
      </p>
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, '/om/fel')} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <Field lang={lang} id="report-page" label={sv ? 'Sidan det gäller (valfritt)' : 'The page it is about (optional)'} hint={sv ? 'Dess adress, till exempel /avtal/goteborg--shanghai.' : 'Its address, for example /avtal/goteborg--shanghai.'} problem={problemOf('page')}>
          {(described) => <input id="report-page" name="page" type="text" maxlength={500} value={p.typed.page} {...described} />}
        </Field>
        <Field lang={lang} id="report-message" label={sv ? 'Vad är fel?' : 'What is wrong?'} problem={problemOf('message')}>
          {(described) => (
            <textarea id="report-message" name="message" rows={6} maxlength={5000} {...described}>
              {p.typed.message ?? ''}
            </textarea>
          )}
        </Field>
        <Field lang={lang} id="report-email" label={sv ? 'Din e-postadress, om du vill ha svar (valfri)' : 'Your e-mail address, if you want an answer (optional)'} problem={problemOf('email')}>
          {(described) => <input id="report-email" name="email" type="email" maxlength={254} autocomplete="email" value={p.typed.email} {...described} />}
        </Field>
        <button type="submit">{sv ? 'Skicka rapporten' : 'Send the report'}</button>
      </form>
    </Layout>
  );
}
