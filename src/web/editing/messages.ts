// The verbs speak English; the editing forms put their messages in the
// page's language. A message not known here is shown as the verb wrote it.
import type { Lang } from '../i18n.ts';

const SV: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^an agreement has at least one Swedish party$/, () => 'Välj minst en svensk part.'],
  [/^one party must have the role "party"$/, () => 'En av de svenska parterna ska ha rollen ”part”.'],
  [/^an agreement has at least one counterpart$/, () => 'Välj minst en motpart.'],
  [/^no actor '(.*)'$/, (m) => `Det finns ingen svensk part ”${m[1]}”.`],
  [/^no counterpart '(.*)'$/, (m) => `Det finns ingen motpart ”${m[1]}”.`],
  [/^no agreement '(.*)'$/, (m) => `Det finns inget avtal ”${m[1]}”.`],
  [/^no agreement kind '(.*)'$/, (m) => `Det finns ingen avtalsform ”${m[1]}”.`],
  [/^no source '(.*)'$/, (m) => `Det finns ingen källa ”${m[1]}”.`],
  [/^'(.*)' is given twice with the same role$/, (m) => `”${m[1]}” finns två gånger med samma roll.`],
  [/^'(.*)' is given twice$/, (m) => `”${m[1]}” finns två gånger.`],
  [/^'(.*)' lies under this agreement \(or is it\)/, (m) => `”${m[1]}” ligger under det här avtalet (eller är det): ett avtal kan inte vara sitt eget överordnade avtal.`],
  [/^an agreement '(.*)' exists already$/, (m) => `Det finns redan ett avtal med adressen ”${m[1]}”. Välj en annan.`],
  [/^is the address of a page; choose another$/, () => 'Adressen används av en sida. Välj en annan.'],
  [/^must be lower-case letters, digits and dashes$/, () => 'Skriv bara små bokstäver a–z, siffror och bindestreck.'],
  [/^'(.*)' is not a date(.*); write .*$/, (m) => `”${m[1]}” är inget datum${m[2] ? ` (${dateWhySv(m[2])})` : ''}. Skriv till exempel 2019, 2019-05, 2019-05-14, 2002/2022 eller XXXX.`],
  [/^a reason coded "other" needs its text$/, () => 'Skälet ”annat” behöver en text.'],
  [/^only an ending or a pause has a mode$/, () => 'Bara ett avslut eller en paus har ett sätt.'],
  [/^this kind of event has no side$/, () => 'Den här sortens händelse har ingen sida.'],
  [/^the agreement has already ended$/, () => 'Avtalet är redan avslutat.'],
  [/^translates note: write the Swedish note too$/, () => 'Den engelska anteckningen översätter den svenska: skriv den svenska också.'],
  [/^must be the version the form was opened at$/, () => 'Formuläret saknar den version det öppnades vid. Öppna sidan igen.'],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `Skriv högst ${m[1]} tecken.`],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `Högst ${m[1]} får väljas.`],
  [/^Too small: expected string to have >=1 characters$/, () => 'Fyll i fältet.'],
  [/^Invalid option/, () => 'Välj ett av alternativen.'],
  [/^must be a whole number of (months|days)$/, (m) => `Skriv ett helt antal ${m[1] === 'months' ? 'månader' : 'dagar'}, till exempel 24.`],
  [/^must be (\d+) or more (months|days)$/, (m) => `Skriv minst ${m[1]} ${m[2] === 'months' ? 'månader' : 'dagar'}.`],
  [/^must be at most (\d+) (months|days)$/, (m) => `Skriv högst ${m[1]} ${m[2] === 'months' ? 'månader' : 'dagar'}.`],
  [/^a renewal needs the term it follows$/, () => 'En förnyelse behöver löptiden den följer på: fyll i löptiden i månader.'],
  [/^a notice period needs the term it ends$/, () => 'En uppsägningstid behöver löptiden den gäller: fyll i löptiden i månader.'],
  [/^give the notice in months or in days, not both$/, () => 'Ange uppsägningstiden i månader eller i dagar, inte båda.'],
  [/^write something to search for$/, () => 'Skriv något att söka efter.'],
  [/^nothing found for '(.*)'$/, (m) => `Inget hittades för ”${m[1]}”.`],
];

function dateWhySv(why: string): string {
  const days = /\((\d{4}-\d{2}) has (\d+) days\)/.exec(why);
  if (days) return `${days[1]} har ${days[2]} dagar`;
  if (/ends before it begins/.test(why)) return 'det slutar innan det börjar';
  if (/no year 0/.test(why)) return 'det finns inget år 0';
  return why.trim();
}

/** A verb's message in the page's language. */
export function sayProblem(lang: Lang, message: string): string {
  if (lang === 'en') return message.charAt(0).toUpperCase() + message.slice(1);
  for (const [pattern, make] of SV) {
    const m = pattern.exec(message);
    if (m) return make(m);
  }
  return message;
}

/** What each field of an agreement or event is called on the forms and in the history. */
export const FIELD_NAMES: Record<string, { sv: string; en: string }> = {
  slug: { sv: 'Adress', en: 'Address' },
  kind: { sv: 'Avtalsform', en: 'Kind of agreement' },
  officialTitle: { sv: 'Officiell benämning', en: 'Official title' },
  officialTitleLanguage: { sv: 'Den officiella benämningens språk', en: "The official title's language" },
  officialTitleEn: { sv: 'Officiell benämning på engelska', en: 'Official title in English' },
  signedOn: { sv: 'Undertecknat', en: 'Signed' },
  term: { sv: 'Löptid', en: 'Term' },
  renewalRule: { sv: 'Förnyelse', en: 'Renewal' },
  termMonths: { sv: 'Löptid i månader', en: 'Term in months' },
  renewalMonths: { sv: 'Förnyas med månader', en: 'Renewed by months' },
  noticeMonths: { sv: 'Uppsägningstid i månader', en: 'Notice in months' },
  noticeDays: { sv: 'Uppsägningstid i dagar', en: 'Notice in days' },
  endsOn: { sv: 'Löper ut', en: 'Ends on' },
  themes: { sv: 'Tematiska områden', en: 'Thematic areas' },
  themesEn: { sv: 'Tematiska områden på engelska', en: 'Thematic areas in English' },
  funding: { sv: 'Finansiering', en: 'Funding' },
  fundingEn: { sv: 'Finansiering på engelska', en: 'Funding in English' },
  responsibleUnit: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  parent: { sv: 'Överordnat avtal', en: 'Parent agreement' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  summaryEn: { sv: 'Sammanfattning på engelska', en: 'Summary in English' },
  parties: { sv: 'Svenska parter', en: 'Swedish parties' },
  counterparts: { sv: 'Motparter', en: 'Counterparts' },
  visibility: { sv: 'Synlighet', en: 'Visibility' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  type: { sv: 'Händelse', en: 'Event' },
  date: { sv: 'Datum', en: 'Date' },
  side: { sv: 'Sida', en: 'Side' },
  mode: { sv: 'Sätt', en: 'How' },
  decidingBody: { sv: 'Beslutande organ', en: 'Deciding body' },
  reference: { sv: 'Paragraf (§)', en: 'Section (§)' },
  caseNumber: { sv: 'Diarienummer', en: 'Case number' },
  note: { sv: 'Anteckning', en: 'Note' },
  noteEn: { sv: 'Anteckning på engelska', en: 'Note in English' },
  reasons: { sv: 'Skäl', en: 'Reasons' },
  sources: { sv: 'Källor', en: 'Sources' },
  status: { sv: 'Status', en: 'Status' },
  title: { sv: 'Titel', en: 'Title' },
  text: { sv: 'Text', en: 'Text' },
};

export const fieldName = (lang: Lang, field: string) => FIELD_NAMES[field]?.[lang] ?? field;

export const VISIBILITY_NAMES = {
  public: { sv: 'Öppen för alla', en: 'Public' },
  shared: { sv: 'Delad med inloggade offentliga organ', en: 'Shared with signed-in public bodies' },
  internal: { sv: 'Intern för den egna organisationen', en: 'Internal to our organisation' },
} as const;
