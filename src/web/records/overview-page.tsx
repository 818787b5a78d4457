// A signed-in person's follow-up: the open points they own, and their
// organisation's, the overdue first marked as such; each leads to the
// activity it was raised at.
import type { OpenPoint } from '../../domain/follow-up/list.ts';
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
  organisationOpen: number;
  organisationOverdue: number;
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
  const overdueMine = p.mine.filter((x) => x.overdue).length;
  return (
    <Layout lang={lang} title={sv ? 'Min uppföljning' : 'My follow-up'} path="/oversikt" account={p.account}>
      <h1>{sv ? 'Min uppföljning' : 'My follow-up'}</h1>
      <p class="lead">{p.organisationName}</p>
      <h2 id="mina">{sv ? 'Mina öppna punkter' : 'My open points'}</h2>
      {p.mine.length ? (
        <>
          <p>
            {openAndOverdue(lang, p.mine.length, overdueMine)}
          </p>
          <PointsTable lang={lang} caption={sv ? 'Mina öppna uppföljningspunkter' : 'My open follow-up points'} points={p.mine} withOwner={false} />
        </>
      ) : (
        <p>{sv ? 'Du har inga öppna uppföljningspunkter.' : 'You have no open follow-up points.'}</p>
      )}
      <h2 id="organisationens">{sv ? 'Organisationens öppna punkter' : "The organisation's open points"}</h2>
      <p>
        {sv
          ? `${openAndOverdue(lang, p.organisationOpen, p.organisationOverdue)}${p.organisation.length < p.organisationOpen ? ` De ${p.organisation.length} som ska vara klara först visas.` : ''}`
          : `${openAndOverdue(lang, p.organisationOpen, p.organisationOverdue)}${p.organisation.length < p.organisationOpen ? ` The ${p.organisation.length} due first are shown.` : ''}`}
      </p>
      {p.organisation.length ? (
        <PointsTable lang={lang} caption={sv ? 'Organisationens öppna uppföljningspunkter' : "The organisation's open follow-up points"} points={p.organisation} withOwner={true} />
      ) : null}
    </Layout>
  );
}
