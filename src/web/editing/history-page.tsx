// An agreement's history for signed-in people: newest first, who saved,
// when, what (each field before and after) and the comment they gave.
import { formatMoment } from '../format.ts';
import type { AgreementHistory } from '../../domain/history/agreement-history.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { fieldName } from './messages.ts';
import { valueText } from './values.ts';

const ACTIONS: Record<string, { sv: string; en: string }> = {
  'agreement.create': { sv: 'Skapade avtalet', en: 'Created the agreement' },
  'agreement.change': { sv: 'Ändrade avtalet', en: 'Changed the agreement' },
  'citation.create': { sv: 'Citerade en källa', en: 'Cited a source' },
  'citation.change': { sv: 'Ändrade en citering', en: 'Changed a citation' },
  'citation.remove': { sv: 'Tog bort en citering', en: 'Removed a citation' },
  'quotation.create': { sv: 'Lade till ett citat', en: 'Added a quotation' },
  'discrepancy.create': { sv: 'Noterade att källor säger olika', en: 'Noted that sources disagree' },
  'activity.create': { sv: 'Lade till en aktivitet', en: 'Added an activity' },
  'action_plan.create': { sv: 'Lade till en handlingsplan', en: 'Added an action plan' },
  'action_plan.goal': { sv: 'Lade till ett mål i en handlingsplan', en: 'Added a goal to an action plan' },
  'action_plan.review': { sv: 'Följde upp en handlingsplan', en: 'Reviewed an action plan' },
  'action_plan.cite': { sv: 'Citerade en källa för en handlingsplan', en: 'Cited a source for an action plan' },
  'action_plan.uncite': { sv: 'Tog bort en källa från en handlingsplan', en: 'Removed a source from an action plan' },
  'activity.cite': { sv: 'Citerade en källa för en aktivitet', en: 'Cited a source for an activity' },
  'activity.uncite': { sv: 'Tog bort en källa från en aktivitet', en: 'Removed a source from an activity' },
  'activity.link': { sv: 'Kopplade en aktivitet till en handlingsplans mål', en: "Linked an activity to an action plan's goal" },
};

export function actionText(lang: Lang, action: string): string {
  if (action.startsWith('status.')) return `${lang === 'sv' ? 'Registrerade händelsen' : 'Recorded the event'} ”${label(lang, 'event', action.slice('status.'.length))}”`;
  return ACTIONS[action]?.[lang] ?? action;
}

const when = (lang: Lang, d: Date) => formatMoment(d, lang, 'long');

export function HistoryPage(props: { lang: Lang; account: string; history: AgreementHistory; mayEdit: boolean }) {
  const { lang, history } = props;
  const sv = lang === 'sv';
  const a = history.agreement;
  const title = `${a.partyLabel} – ${a.counterpartLabel}`;
  const heading = sv ? `Historik: ${title}` : `History: ${title}`;
  return (
    <Layout lang={lang} title={heading} path={`/avtal/${a.slug}/historik`} account={props.account}>
      <h1>{heading}</h1>
      <p>
        <a href={href(lang, `/avtal/${a.slug}`)}>{sv ? 'Till avtalets sida' : 'To the agreement’s page'}</a>
        {props.mayEdit ? (
          <>
            {' · '}
            <a href={href(lang, `/avtal/${a.slug}/andra`)}>{sv ? 'Ändra' : 'Change'}</a>
            {' · '}
            <a href={href(lang, `/avtal/${a.slug}/handelse`)}>{sv ? 'Registrera händelse' : 'Record an event'}</a>
          </>
        ) : null}
      </p>
      <p>
        {sv ? `Version ${a.version}. ` : `Version ${a.version}. `}
        {sv ? 'Nyast först. Varje sparning visar vem, när, vad som ändrades och varför.' : 'Newest first. Each save shows who, when, what changed and why.'}
      </p>
      {history.entries.length === 0 ? <p>{sv ? 'Ingen historik finns.' : 'No history.'}</p> : null}
      <ol class="history">
        {history.entries.map((e) => (
          <li>
            <h2>
              {actionText(lang, e.action)}
              <span class="hint">
                {when(lang, e.at)} · {e.name ? `${e.name} (${e.who})` : e.who}
                {e.version !== null ? ` · ${sv ? 'version' : 'version'} ${e.version}` : ''}
              </span>
            </h2>
            {e.comment ? (
              <p>
                <strong>{sv ? 'Kommentar' : 'Comment'}:</strong> {e.comment}
              </p>
            ) : null}
            {e.changes.length ? (
              <table>
                <caption class="visually-hidden">{`${actionText(lang, e.action)}, ${when(lang, e.at)}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{sv ? 'Fält' : 'Field'}</th>
                    <th scope="col">{sv ? 'Före' : 'Before'}</th>
                    <th scope="col">{sv ? 'Efter' : 'After'}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.changes.map((c) => (
                    <tr>
                      <th scope="row">{fieldName(lang, c.field)}</th>
                      <td>{valueText(lang, c.field, c.before)}</td>
                      <td>{valueText(lang, c.field, c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
