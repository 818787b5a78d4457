// The errors readers reported (/om/fel), newest first, for administrators.
import { formatMoment } from '../format.ts';
import type { listErrorReports } from '../../domain/error-reports/report.ts';
import type { Lang } from '../i18n.ts';
import { AdminLayout } from './shared.tsx';

export function ErrorReportsPage(props: { lang: Lang; account: string; reports: Awaited<ReturnType<typeof listErrorReports>> }) {
  const { lang, reports } = props;
  const sv = lang === 'sv';
  const when = (d: Date) => formatMoment(d, sv ? 'sv' : 'en', 'medium');
  return (
    <AdminLayout lang={lang} title={sv ? 'Rapporterade fel' : 'Reported errors'} path="/admin/felrapporter" account={props.account}>
      <p>{sv ? 'Det läsare har rapporterat på sidan Rapportera ett fel, nyast först (de 200 senaste).' : 'What readers reported on the page Report an error, newest first (the latest 200).'}</p>
      {reports.length ? (
        <table>
          <caption class="visually-hidden">{sv ? 'Rapporterade fel' : 'Reported errors'}</caption>
          <thead>
            <tr>
              <th scope="col">{sv ? 'När' : 'When'}</th>
              <th scope="col">{sv ? 'Sida' : 'Page'}</th>
              <th scope="col">{sv ? 'Vad som är fel' : 'What is wrong'}</th>
              <th scope="col">{sv ? 'Svar till' : 'Answer to'}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr>
                <td>{when(r.at)}</td>
                <td>{r.page ? <a href={r.page}>{r.page}</a> : ''}</td>
                <td class="prewrap">{r.message}</td>
                <td>{r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{sv ? 'Inga rapporter.' : 'No reports.'}</p>
      )}
    </AdminLayout>
  );
}
