import { t, type Lang } from '../i18n.ts';
import { Layout } from '../layout.tsx';

export function OpenDataPage(props: { lang: Lang }) {
  const { lang } = props;
  const sv = lang === 'sv';
  return (
    <Layout lang={lang} title={t(lang, 'openData')} path="/oppna-data">
      <h1>{t(lang, 'openData')}</h1>
      <p>{sv ? 'Allt offentligt i registret kan laddas ned och hämtas maskinellt. Data är fria att använda med angivande av källa.' : 'Everything public in the register can be downloaded and fetched by machines. The data are free to use with attribution.'}</p>
      <ul>
        <li><a href="/api/agreements.csv">{sv ? 'Alla avtal som CSV' : 'All agreements as CSV'}</a> (/api/agreements.csv)</li>
        <li><a href="/api/export.json">{sv ? 'Hela det offentliga registret som JSON' : 'The whole public register as JSON'}</a> (/api/export.json)</li>
        <li><a href="/api/openapi.json">{sv ? 'API-beskrivning (OpenAPI 3.1)' : 'API description (OpenAPI 3.1)'}</a> (/api/openapi.json)</li>
      </ul>
      <p>{sv ? 'Listans filter fungerar likadant i API:t: /api/agreements?q=suzhou&status=in_force&on=2016-12-31.' : 'The list filters work the same in the API: /api/agreements?q=suzhou&status=in_force&on=2016-12-31.'}</p>
    </Layout>
  );
}
