// Two pages a public service must have: about the register (who keeps it,
// what it covers, how it counts, how to cite it, how to report an error) and
// the accessibility statement (tillgänglighetsredogörelse) that the Swedish
// law on accessibility to digital public service (2018:1937) requires, in the
// shape the Agency for Digital Government (Digg) describes.
import { ATTRIBUTION } from '../../domain/transfer/dcat.ts';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';

/** `contact`: the address the installation gives (CONTACT_EMAIL), if any. */
interface AboutProps {
  lang: Lang;
  origin: string;
  contact?: string;
}

function Contact(props: AboutProps) {
  const sv = props.lang === 'sv';
  if (props.contact) return <a href={`mailto:${props.contact}`}>{props.contact}</a>;
  return <>{sv ? 'den organisation som driver den här installationen av Ortsband (ingen kontaktadress är inställd)' : 'the organisation that runs this installation of Ortsband (no contact address is set)'}</>;
}

export function AboutPage(props: AboutProps) {
  const { lang } = props;
  const sv = lang === 'sv';
  const title = sv ? 'Om registret' : 'About the register';
  return (
    <Layout lang={lang} title={title} path="/om">
      <h1>{title}</h1>
      <h2>{sv ? 'Vad registret är' : 'What the register is'}</h2>
      <p>
        {sv
          ? 'Ortsband är ett register över de avtal om vänorter och kommunala partnerskap som svenska kommuner, regioner och länsstyrelser har slutit med kinesiska städer och provinser sedan 1986: när de började, hur de ändrades och hur de slutade, med källan till varje uppgift.'
          : 'Ortsband is a register of the twinning and municipal partnership agreements that Swedish municipalities, regions and county administrative boards have made with Chinese cities and provinces since 1986: when they began, how they changed and how they ended, with the source of every fact.'}
      </p>
      <h2>{sv ? 'Vem som för det' : 'Who keeps it'}</h2>
      <p>
        {sv
          ? 'Varje organ för in och ändrar sina egna avtal, beslut och källor när dess personer har loggat in; varje ändring sparas med vem, när och varför. Uppgifterna som följer med från början kommer ur rapporten ”Lokal frost i relationerna” (Nationellt kunskapscentrum om Kina, 2022) och fyra andra källdokument.'
          : 'Each body enters and changes its own agreements, decisions and sources once its people have signed in; every change is kept with who, when and why. The data it starts with comes from the report “Lokal frost i relationerna” (Swedish National China Centre, 2022) and four other source documents.'}
      </p>
      <h2>{sv ? 'Vad det täcker, och hur länge' : 'What it covers, and until when'}</h2>
      <p>
        {sv
          ? 'Registret tar upp de avtal som rapporten och källdokumenten nämner och de som organen själva har fört in sedan. En status är den som den senaste källan säger: de ursprungliga källorna slutar 2021–2022, och ett avtal som var vilande då kan ha avslutats senare utan att någon har fört in det.'
          : 'The register holds the agreements the report and the source documents name and those the bodies have entered since. A status is what the latest source says: the original sources end in 2021–2022, and an agreement that was dormant then may have ended since without anyone entering it.'}
      </p>
      <h2>{sv ? 'Hur talen räknas' : 'How the figures are counted'}</h2>
      <p>
        {sv ? 'Statistiken räknar som rapporten gör, eller efter en annan regel som du väljer; ' : 'The statistics count as the report does, or by another rule you choose; '}
        <a href={`${href(lang, '/statistik')}#statements`}>{sv ? 'rapportens siffror står bredvid registrets, med skälen när de skiljer sig' : "the report's figures stand beside the register's, with the reasons where they differ"}</a>.
      </p>
      <h2>{sv ? 'Så citerar du registret' : 'How to cite the register'}</h2>
      <p>
        {ATTRIBUTION[lang]}, {props.origin}
        {sv ? ', hämtat ' : ', retrieved '}
<em>{sv ? 'datum' : 'date'}</em>. {sv ? 'Varje avtals sida har en permanent länk; data får användas enligt CC BY 4.0 (' : "Every agreement's page has a permanent link; the data may be used under CC BY 4.0 ("}
        <a href={href(lang, '/oppna-data')}>{sv ? 'öppna data' : 'open data'}</a>).
      </p>
      <h2 id="fel">{sv ? 'Rapportera ett fel' : 'Report an error'}</h2>
      <p>
        {sv ? 'Ser du en uppgift som är fel eller saknas? ' : 'Do you see a fact that is wrong or missing? '}
        <a href={href(lang, '/om/fel')}>{sv ? 'Rapportera felet här' : 'Report it here'}</a>
        {sv ? ', eller skriv till ' : ', or write to '}
        <Contact {...props} />.
      </p>
      <p>
        <a href={href(lang, '/tillganglighet')}>{sv ? 'Tillgänglighetsredogörelse' : 'Accessibility statement'}</a>
      </p>
    </Layout>
  );
}

export function AccessibilityPage(props: AboutProps) {
  const { lang } = props;
  const sv = lang === 'sv';
  const title = sv ? 'Tillgänglighetsredogörelse' : 'Accessibility statement';
  return (
    <Layout lang={lang} title={title} path="/tillganglighet">
      <h1>{title}</h1>
      <p>
        {sv
          ? 'Vi vill att så många som möjligt ska kunna använda den här webbplatsen. Här beskriver vi hur den uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.'
          : 'We want as many people as possible to be able to use this website. This statement describes how it meets the Swedish law on accessibility to digital public service, its known shortcomings, and how to report a problem so that we can fix it.'}
      </p>
      <h2>{sv ? 'Hur tillgänglig är webbplatsen?' : 'How accessible is the website?'}</h2>
      <p>
        {sv
          ? 'Webbplatsen är skriven för att uppfylla WCAG 2.1 på nivå AA. Alla sidor fungerar med tangentbord och utan JavaScript, och varje diagram och karta har sina siffror som tabell eller lista.'
          : 'The website is written to meet WCAG 2.1 level AA. Every page works by keyboard and without JavaScript, and every chart and map has its figures as a table or a list.'}
      </p>
      <h2>{sv ? 'Kända brister' : 'Known shortcomings'}</h2>
      <ul>
        <li>
          {sv
            ? 'Kartorna är bilder: orterna på dem nås med tangentbord genom listan under varje karta, inte på själva kartan, och en länk ovanför kartorna hoppar förbi dem.'
            : 'The maps are pictures: their places are reached by keyboard through the list below each map, not on the map itself, and a link above the maps skips past them.'}
        </li>
        <li>
          {sv
            ? 'Källornas citat, titlar och vissa anteckningar finns bara på det språk källan är skriven på.'
            : 'Quotations from sources, their titles and some notes are only in the language the source is written in.'}
        </li>
      </ul>
      <h2>{sv ? 'Så har vi testat webbplatsen' : 'How we tested the website'}</h2>
      <p>
        {sv
          ? 'Varje sida och varje formulär (tomt, ifyllt och med fel) granskas automatiskt med axe-core mot WCAG 2.1 AA i Chromium vid varje ändring av programmet, och flödena provas med enbart tangentbord och utan JavaScript.'
          : 'Every page and every form (empty, filled and with errors) is checked automatically with axe-core against WCAG 2.1 AA in Chromium at every change of the software, and the flows are tried by keyboard alone and without JavaScript.'}
      </p>
      <h2>{sv ? 'Rapportera brister' : 'Report a barrier'}</h2>
      <p>
        {sv ? 'Om du stöter på ett hinder, eller behöver innehåll i en annan form, skriv till ' : 'If you meet a barrier, or need content in another form, write to '}
        <Contact {...props} />.
      </p>
      <h2>{sv ? 'Tillsyn' : 'Supervision'}</h2>
      <p>
        {sv
          ? 'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det: '
          : 'The Agency for Digital Government (Digg) supervises the law. If you are not satisfied with how we handle your report, you can contact Digg: '}
        <a href="https://www.digg.se">www.digg.se</a>.
      </p>
    </Layout>
  );
}
