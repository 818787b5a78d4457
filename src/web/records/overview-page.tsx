// A signed-in person's follow-up: the open points they own, and their
// organisation's, the overdue first marked as such; each leads to the
// activity it was raised at.
import type { OpenPoint } from '../../domain/follow-up/list.ts';
import type { Reminder } from '../../domain/reminders/due.ts';
import { reminderLine, reminderPath } from '../../domain/reminders/send.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { problemsFor } from './words.ts';
import type { Lang } from '../i18n.ts';
import { formatEdtf } from '../format.ts';
import { href, Layout } from '../layout.tsx';

/** "1 öppen, varav 1 försenad" / "3 open, 1 of them overdue". */
function openAndOverdue(lang: Lang, open: number, overdue: number) {
  if (lang === 'en') return `${open} open, ${overdue} of them overdue.`;
  return `${open} ${open === 1 ? 'öppen' : 'öppna'}, varav ${overdue} ${overdue === 1 ? 'försenad' : 'försenade'}.`;
}

export interface OverviewPageProps {
  lang: Lang;
  account: string;
  organisationName: string;
  mine: OpenPoint[];
  organisation: OpenPoint[];
  mineOpen: number;
  mineOverdue: number;
  organisationOpen: number;
  organisationOverdue: number;
  /** The organisation's agreements that expire soon, whose notice day comes, that have been quiet too long, and its action plans due for review: the earliest, or all when asked. */
  agreementReminders: Reminder[];
  /** How many there are in all. */
  agreementRemindersTotal: number;
  /** Every point and reminder asked for (`?visa=alla`), not only the first of each list. */
  all: boolean;
  /** The knowledge base's articles kept by the organisation's people whose review day has come. */
  articleReminders: Reminder[];
  quietAfterMonths: number;
  /** An administrator of the organisation chooses its quiet period here. */
  mayChooseQuietPeriod: boolean;
  /** The quiet period's form sent and refused: what was typed and what is wrong. */
  quietPeriod?: { typed: string; problems: FieldProblem[] };
  /** What was just done, said at the top. */
  done?: string;
  today: string;
  csrf: string;
  /** The person's calendar feeds that work. */
  feeds: Array<{ id: number; scope: 'person' | 'organisation'; createdAt: Date }>;
  mayMakeOrganisationFeed: boolean;
  /** A feed just made: its address, shown this once. */
  newFeedUrl?: string;
}

const FEED_NAMES = {
  person: { sv: 'Min kalender (mina punkter, organisationens avtal)', en: 'My calendar (my points, the organisation’s agreements)' },
  organisation: { sv: 'Organisationens kalender (alla öppna punkter)', en: 'The organisation’s calendar (every open point)' },
} as const;

/** The link from a shortened list to the overview with every list whole; none when they are whole already (the 2,000 first of each). */
function ShowAll({ lang, all, fragment, what }: { lang: Lang; all: boolean; fragment: string; what: { sv: string; en: string } }) {
  if (all) return null;
  return <a href={`${href(lang, '/oversikt', { visa: 'alla' })}#${fragment}`}>{lang === 'sv' ? `Visa alla ${what.sv}` : `Show all ${what.en}`}</a>;
}

function PointsTable(props: { lang: Lang; caption: string; points: OpenPoint[]; withOwner: boolean }) {
  const { lang } = props;
  const sv = lang === 'sv';
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{sv ? 'Klart senast' : 'Due by'}</th>
          <th scope="col">{sv ? 'Vad ska göras' : 'What is to be done'}</th>
          {props.withOwner ? <th scope="col">{sv ? 'Ansvarig' : 'Responsible'}</th> : null}
          <th scope="col">{sv ? 'Aktivitet' : 'Activity'}</th>
          <th scope="col">{sv ? 'Avtal' : 'Agreement'}</th>
        </tr>
      </thead>
      <tbody>
        {props.points.map((point) => (
          <tr class={point.overdue ? 'overdue' : undefined}>
            <td>
              {point.dueOn}
              {point.overdue ? <strong>{sv ? ' (försenad)' : ' (overdue)'}</strong> : null}
            </td>
            <td class="prewrap">{point.text}</td>
            {props.withOwner ? <td>{point.ownerName}</td> : null}
            <td>
              <a href={`${href(lang, `/avtal/${point.agreementSlug}/aktiviteter`)}#punkt-${point.id}`}>
                {point.activityTitle} ({formatEdtf(point.activityDate, lang)})
              </a>
            </td>
            <td>
              <a href={href(lang, `/avtal/${point.agreementSlug}`)}>
                {point.partyLabel} – {point.counterpartLabel}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OverviewPage(p: OverviewPageProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  return (
    <Layout lang={lang} title={sv ? 'Min uppföljning' : 'My follow-up'} path="/oversikt" account={p.account}>
      <h1>{sv ? 'Min uppföljning' : 'My follow-up'}</h1>
      <p class="lead">{p.organisationName}</p>
      <Notices done={p.done} />
      <p>
        <a href={href(lang, '/delegationer')}>{sv ? 'Delegationer: andra organisationer i samma område när ni får besök' : 'Delegations: other organisations in the same area when you have visitors'}</a>
      </p>
      <p>
        <a href={href(lang, '/inbjudningar')}>{sv ? 'Inbjudningar från Kina: registrera och se vilka fler som fått samma' : 'Invitations from China: record them and see who else received the same'}</a>
      </p>
      <p>
        <a href={href(lang, '/oversikt/arsrapport')}>{sv ? 'Årlig uppföljning: organisationens rapport för ett år (sida, PDF, Excel)' : "Yearly follow-up: the organisation's report for a year (page, PDF, Excel)"}</a>
      </p>
      <h2 id="mina">{sv ? 'Mina öppna punkter' : 'My open points'}</h2>
      {p.mine.length ? (
        <>
          <p>
            {openAndOverdue(lang, p.mineOpen, p.mineOverdue)}
            {p.mine.length < p.mineOpen ? (sv ? ` De ${p.mine.length} som ska vara klara först visas. ` : ` The ${p.mine.length} due first are shown. `) : ''}
            {p.mine.length < p.mineOpen ? <ShowAll {...p} fragment="mina" what={{ sv: 'mina punkter', en: 'my points' }} /> : null}
          </p>
          <PointsTable lang={lang} caption={sv ? 'Mina öppna uppföljningspunkter' : 'My open follow-up points'} points={p.mine} withOwner={false} />
        </>
      ) : (
        <p>{sv ? 'Du har inga öppna uppföljningspunkter.' : 'You have no open follow-up points.'}</p>
      )}
      <h2 id="organisationens">{sv ? 'Organisationens öppna punkter' : "The organisation's open points"}</h2>
      <p>
        {sv
          ? `${openAndOverdue(lang, p.organisationOpen, p.organisationOverdue)}${p.organisation.length < p.organisationOpen ? ` De ${p.organisation.length} som ska vara klara först visas. ` : ''}`
          : `${openAndOverdue(lang, p.organisationOpen, p.organisationOverdue)}${p.organisation.length < p.organisationOpen ? ` The ${p.organisation.length} due first are shown. ` : ''}`}
        {p.organisation.length < p.organisationOpen ? <ShowAll {...p} fragment="organisationens" what={{ sv: 'organisationens punkter', en: "the organisation's points" }} /> : null}
      </p>
      {p.organisation.length ? (
        <PointsTable lang={lang} caption={sv ? 'Organisationens öppna uppföljningspunkter' : "The organisation's open follow-up points"} points={p.organisation} withOwner={true} />
      ) : null}
      <h2 id="paminnelser">{sv ? 'Avtal som behöver ett beslut' : 'Agreements that need a decision'}</h2>
      <p>
        {sv
          ? `Avtal som löper ut inom 90 dagar, avtal vars sista dag att säga upp dem före en automatisk förnyelse infaller inom 90 dagar, handlingsplaner vars period har slutat eller slutar inom 90 dagar utan att de följts upp, och avtal i kraft utan någon aktivitet eller händelse som visar att de lever på ${p.quietAfterMonths} månader (tysta avtal: satsa på nytt, låt vila eller avsluta).`
          : `Agreements that expire within 90 days, agreements whose last day to give notice before an automatic renewal falls within 90 days, action plans whose period has ended or ends within 90 days with no review, and agreements in force with no activity or event that shows they live for ${p.quietAfterMonths} months (quiet agreements: renew the effort, let rest or end).`}
      </p>
      {p.agreementReminders.length < p.agreementRemindersTotal ? (
        <p>
          {sv ? `De ${p.agreementReminders.length} tidigaste av ${p.agreementRemindersTotal} visas. ` : `The earliest ${p.agreementReminders.length} of ${p.agreementRemindersTotal} are shown. `}
          <ShowAll {...p} fragment="paminnelser" what={{ sv: 'avtal som behöver ett beslut', en: 'agreements that need a decision' }} />
        </p>
      ) : null}
      {p.agreementReminders.length ? (
        <ul>
          {p.agreementReminders.map((r) => (
            <li>
              <a href={reminderPath(r, lang)}>{reminderLine(r, lang, p.today)}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{sv ? 'Inga just nu.' : 'None just now.'}</p>
      )}
      {p.mayChooseQuietPeriod ? <QuietPeriodForm {...p} /> : null}
      {p.articleReminders.length ? (
        <>
          <h2 id="artiklar">{sv ? 'Artiklar att granska' : 'Articles to review'}</h2>
          <p>{sv ? 'Kunskapsbankens artiklar som någon i organisationen ansvarar för och vars granskningsdag har kommit.' : "The knowledge base's articles kept by someone in the organisation whose review day has come."}</p>
          <ul>
            {p.articleReminders.map((r) => (
              <li>
                <a href={reminderPath(r, lang)}>{reminderLine(r, lang, p.today)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="kalender">{sv ? 'Påminnelser i din kalender' : 'Reminders in your calendar'}</h2>
      <p>
        {sv
          ? 'En kalenderadress som din kalender (Outlook, Google, Apple) prenumererar på: uppföljningspunkter på den dag de ska vara klara, avtal på den dag de löper ut eller blev tysta, kunskapsbankens artiklar du ansvarar för på deras granskningsdag. Adressen är hemlig och visas en gång; den som har den läser kalendern. Återkalla den om den kommit i fel händer. Påminnelser skickas också med e-post en gång när de blir aktuella.'
          : 'A calendar address that your calendar (Outlook, Google, Apple) subscribes to: follow-up points on their due day, agreements on the day they expire or became quiet, the articles of the knowledge base that you keep on their review day. The address is secret and shown once; whoever holds it reads the calendar. Revoke it if it reaches the wrong hands. Reminders are also e-mailed once when they fall due.'}
      </p>
      {p.newFeedUrl ? (
        <div class="notice" role="status">
          <p>{sv ? 'Din nya kalenderadress (kopiera den nu, den visas inte igen):' : 'Your new calendar address (copy it now, it is not shown again):'}</p>
          <p>
            <code class="secret">{p.newFeedUrl}</code>
          </p>
        </div>
      ) : null}
      {p.feeds.length ? (
        <table>
          <caption>{sv ? 'Dina kalenderadresser' : 'Your calendar addresses'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'Kalender' : 'Calendar'}</th>
              <th scope="col">{sv ? 'Skapad' : 'Made'}</th>
              <th scope="col">{sv ? 'Återkalla' : 'Revoke'}</th>
            </tr>
          </thead>
          <tbody>
            {p.feeds.map((feed) => (
              <tr>
                <td>{FEED_NAMES[feed.scope][lang]}</td>
                <td>{feed.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  <form method="post" action={href(lang, `/oversikt/kalender/${feed.id}/aterkalla`)}>
                    <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
                    <button type="submit" aria-label={`${sv ? 'Återkalla' : 'Revoke'}: ${FEED_NAMES[feed.scope][lang]}, ${feed.createdAt.toISOString().slice(0, 10)}`}>
                      {sv ? 'Återkalla' : 'Revoke'}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form method="post" action={href(lang, '/oversikt/kalender')}>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="scope" value="person" />
        <button type="submit">{sv ? 'Skapa en adress till min kalender' : 'Make an address for my calendar'}</button>
      </form>
      {p.mayMakeOrganisationFeed ? (
        <form method="post" action={href(lang, '/oversikt/kalender')}>
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="scope" value="organisation" />
          <button type="submit">{sv ? 'Skapa en adress till organisationens kalender' : "Make an address for the organisation's calendar"}</button>
        </form>
      ) : null}
    </Layout>
  );
}

/** An administrator's choice of how many months without a sign of life make the organisation's agreement quiet. */
function QuietPeriodForm(p: OverviewPageProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const problems = problemsFor(lang, 'tyst', p.quietPeriod?.problems);
  return (
    <section aria-labelledby="tyst-period">
      <h3 id="tyst-period">{sv ? 'När ett avtal räknas som tyst' : 'When an agreement counts as quiet'}</h3>
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, '/oversikt/tyst-period')} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <Field
          lang={lang}
          id="tyst-quietAfterMonths"
          label={sv ? 'Månader utan tecken på liv' : 'Months without a sign of life'}
          hint={sv ? `Från 1 till 120. Nu ${p.quietAfterMonths}; 24 (två år) om inget annat har valts. Gäller organisationens alla avtal.` : `From 1 to 120. Now ${p.quietAfterMonths}; 24 (two years) unless another was chosen. Applies to all the organisation's agreements.`}
          problem={problems[0]}
        >
          {(described) => <input type="text" inputmode="numeric" id="tyst-quietAfterMonths" name="quietAfterMonths" maxlength={10} value={p.quietPeriod?.typed ?? String(p.quietAfterMonths)} {...described} />}
        </Field>
        <button type="submit">{sv ? 'Spara' : 'Save'}</button>
      </form>
    </section>
  );
}
