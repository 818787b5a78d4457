// The records pages' words: source kinds, visibilities, and the verbs'
// English messages in Swedish (the verbs speak English; form.tsx shows a
// message as it is given, so these pages give it in the page's language).
import type { GoalAssessment, SourceKind, Visibility } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import type { Lang } from '../i18n.ts';

/** The dates a records form's hints and its date messages give as examples: one set, so hint and message agree. */
export const DATE_EXAMPLES = { sv: '2026-11-30, 2026-11 eller 2026', en: '2026-11-30, 2026-11 or 2026' } as const;

export const SOURCE_KIND_NAMES: Record<SourceKind, { sv: string; en: string }> = {
  decision_protocol: { sv: 'Beslutsprotokoll', en: 'Decision protocol' },
  agreement_text: { sv: 'Avtalstext', en: 'Agreement text' },
  media_article: { sv: 'Artikel', en: 'Article' },
  web_page: { sv: 'Länk (webbsida)', en: 'Link (web page)' },
  motion: { sv: 'Motion', en: 'Motion' },
  email: { sv: 'E-post', en: 'E-mail' },
  interview: { sv: 'Intervju', en: 'Interview' },
  report: { sv: 'Rapport', en: 'Report' },
  strategy_document: { sv: 'Strategidokument', en: 'Strategy document' },
  blog_post: { sv: 'Blogginlägg', en: 'Blog post' },
  case_study: { sv: 'Fallstudie', en: 'Case study' },
  reference_data: { sv: 'Referensdata', en: 'Reference data' },
  other: { sv: 'Annat (till exempel en arkivhänvisning)', en: 'Other (an archive reference, for example)' },
};

export const VISIBILITY_NAMES: Record<Visibility, { sv: string; en: string }> = {
  public: { sv: 'Offentlig', en: 'Public' },
  shared: { sv: 'Delad med andra offentliga organ', en: 'Shared with other public bodies' },
  internal: { sv: 'Intern (bara den egna organisationen)', en: 'Internal (own organisation only)' },
};

/** How an action plan's goal was judged at its review. */
export const ASSESSMENT_NAMES: Record<GoalAssessment, { sv: string; en: string }> = {
  met: { sv: 'Uppnått', en: 'Met' },
  partly_met: { sv: 'Delvis uppnått', en: 'Partly met' },
  not_met: { sv: 'Inte uppnått', en: 'Not met' },
  not_assessed: { sv: 'Inte bedömt', en: 'Not assessed' },
};

const SV: Array<[RegExp, string | ((m: RegExpExecArray) => string)]> = [
  [/^choose a file$/, 'Välj en fil.'],
  [/^choose a source$/, 'Välj en källa.'],
  [/^write when the meeting is held$/, 'Skriv när mötet hålls: en dag som 2027-04-15, en månad som 2027-04 eller ett år.'],
  [/^is empty$/, 'Filen är tom.'],
  [/^is larger than (\d+) MB$/, (m) => `Filen är större än ${m[1]} MB.`],
  [/^must be a PDF, PNG, JPEG or TIFF file/, 'Filen måste vara en PDF, PNG, JPEG eller TIFF (innehållet är ingen av dem).'],
  [/^has a name that does not match its content \(the content is (\w+); name it (\.\w+)\)$/, (m) => `Filens namn stämmer inte med innehållet (innehållet är ${m[1]}; filnamnet ska sluta på ${m[2]}).`],
  [/^is declared as (.+) but its content is (\w+)$/, (m) => `Filen anges vara ${m[1]} men innehållet är ${m[2]}.`],
  [/^has a name longer than 255 characters$/, 'Filens namn är längre än 255 tecken.'],
  [/^has a name with a slash or a control character$/, 'Filens namn innehåller ett snedstreck eller ett styrtecken.'],
  [/^can be public only when the record it belongs to is public$/, 'Dokumentet kan bara vara offentligt när posten det hör till är offentlig.'],
  [/^choose the agreement or one of its sources$/, 'Välj avtalet eller en av dess källor.'],
  [/^choose the agreement or one of its events$/, 'Välj avtalet eller en av dess händelser.'],
  [/^no source '(.*)'$/, (m) => `Det finns ingen källa "${m[1]}".`],
  [/^no such event of this agreement$/, 'Avtalet har ingen sådan händelse.'],
  [/^write the name$/, 'Skriv namnet.'],
  [/^write the title$/, 'Skriv titeln.'],
  [/^write the title of the activity$/, 'Skriv aktivitetens rubrik.'],
  [/^write the title of the plan$/, 'Skriv planens rubrik.'],
  [/^write what is wrong$/, 'Skriv vad som är fel.'],
  [/^must be an address on this site/, 'Skriv en adress på den här webbplatsen, till exempel /avtal/goteborg--shanghai.'],
  [/^is longer than (\d+) characters$/, (m) => `Texten är längre än ${m[1]} tecken.`],
  [/^must be an e-mail address, e.g. namn@kommun.se$/, 'Skriv en e-postadress, till exempel namn@kommun.se.'],
  [/^must be a phone number/, 'Skriv ett telefonnummer med siffror, mellanslag och + - ( ), till exempel 031-365 00 00.'],
  [/^must be a web address/, 'Skriv en webbadress som börjar med https://.'],
  [/is not a date/, `Skriv ett datum som ${DATE_EXAMPLES.sv}.`],
  [/^must be one of the kinds$/, 'Välj en typ av källa.'],
  [/^must be one of the activity kinds$/, 'Välj vad slags aktivitet det var.'],
  [/^must be a whole number of months from 1 to 120$/, 'Skriv ett helt antal månader från 1 till 120, till exempel 24.'],
  [/^must be a whole number of kronor, 0 or more$/, 'Skriv kostnaden i hela kr, 0 eller mer, utan mellanslag.'],
  [/^must be at most 2 000 000 000 kronor$/, 'Kostnaden får vara högst 2 000 000 000 kr.'],
  [/^must be a whole number of people, 0 or more$/, 'Skriv antalet personer med siffror, 0 eller fler.'],
  [/^must be at most 1 000 000$/, 'Antalet får vara högst 1 000 000.'],
  [/^write what is to be done$/, 'Skriv vad som ska göras.'],
  [/^give the e-mail address of the person responsible$/, 'Skriv e-postadressen till den som ansvarar.'],
  [/^must be the e-mail address of a person in the organisation/, 'Skriv e-postadressen till en person i organisationen, till exempel namn@kommun.se.'],
  [/^must be the e-mail address of an editor in the organisation that keeps the agreement$/, 'Skriv e-postadressen till en redaktör i den organisation som har avtalet.'],
  [/^must not be before the activity \((.*)\)$/, (m) => `Datumet får inte vara före aktiviteten (${m[1]}).`],
  [/^must be a calendar date YYYY-MM-DD/, 'Skriv ett datum som 2027-03-31.'],
  [/^must be open, done or dropped$/, 'Välj öppen, klar eller struken.'],
  [/^must be one of public, shared, internal$/, 'Välj vem som får se det.'],
  [/^write the thematic area$/, 'Skriv det tematiska området, till exempel Utbildning.'],
  [/^write the goal$/, 'Skriv målet.'],
  [/^must not end before the period begins \((.*)\)$/, (m) => `Perioden får inte sluta innan den börjar (${m[1]}).`],
  [/^must not be before the plan's period begins \((.*)\)$/, (m) => `Datumet får inte vara före planens period (${m[1]}).`],
  [/^no agreement '(.*)' that you may change$/, (m) => `Det finns inget avtal "${m[1]}" som du får ändra.`],
  [/^is the agreement the plan is made for$/, 'Det är avtalet som planen görs för.'],
  [/^is the agreement the activity is recorded under$/, 'Det är avtalet som aktiviteten registreras under.'],
  [/^must not begin after the plan's review \((.*)\)$/, (m) => `Perioden får inte börja efter planens uppföljning (${m[1]}).`],
  [/^activities of the agreement '(.*)' serve the plan's goals: unlink them first$/, (m) => `Aktiviteter under avtalet "${m[1]}" är kopplade till planens mål: ta bort kopplingarna först.`],
  [/^must not be after the due day of its follow-up points \((.*)\)$/, (m) => `Datumet får inte vara efter uppföljningspunkternas sista dag (${m[1]}).`],
  [/^no Swedish body '(.*)' in the register$/, (m) => `Det finns ingen svensk aktör "${m[1]}" i registret.`],
  [/^no Chinese place '(.*)' in the register$/, (m) => `Det finns ingen kinesisk ort "${m[1]}" i registret.`],
  [/^lists more than 50 places$/, 'Välj högst 50 platser.'],
  [/^internal records are read by their own organisation only: choose shared or public$/, 'Interna uppgifter läses bara av den egna organisationen: välj delad eller offentlig.'],
  [/^lists more than 50 agreements$/, 'Välj högst 50 avtal.'],
  [/^must be met, partly met, not met or not assessed$/, 'Välj uppnått, delvis uppnått, inte uppnått eller inte bedömt.'],
  [/^is not a goal of this action plan$/, 'Målet hör inte till den här handlingsplanen.'],
  [/^must be a goal of an action plan that serves this agreement$/, 'Välj ett mål i en handlingsplan som gäller avtalet.'],
  [/^must be a version number$/, 'Ladda om sidan och försök igen.'],
  [/^write the purpose of the agreement and what the decision is to achieve$/, 'Skriv avtalets syfte och vad beslutet ska uppnå.'],
  [/^say whether security advice was sought \(yes or no\)$/, 'Svara ja eller nej: har säkerhetsråd inhämtats?'],
  [/^name whom the security advice was sought from$/, 'Skriv vem säkerhetsrådet inhämtades från.'],
  [/^security advice was not sought: leave whom it was sought from empty, or answer yes$/, 'Säkerhetsråd har inte inhämtats: lämna fältet tomt, eller svara ja.'],
  [/^must be the version number the form was opened at$/, 'Ladda om sidan och försök igen.'],
  [/^must be one of not_assessed, low, moderate, high$/, 'Välj en nivå: inte bedömd, låg, måttlig eller hög.'],
  [/^say why the risk is high$/, 'Skriv varför risken är hög.'],
  [/^write the Swedish title$/, 'Skriv rubriken på svenska.'],
  [/^write the English title$/, 'Skriv rubriken på engelska.'],
  [/^write the Swedish text$/, 'Skriv texten på svenska.'],
  [/^write the English text$/, 'Skriv texten på engelska.'],
  [/^must be the e-mail address of a person with an account$/, 'Skriv e-postadressen till en person som har ett konto.'],
  [/^write the short name of its address$/, 'Skriv adressens korta namn, till exempel infor-besok.'],
  [/^must be lower-case letters, digits and dashes$/, 'Använd små bokstäver a–z, siffror och bindestreck.'],
  [/^is a word the site uses itself: choose another$/, 'Ordet används redan av webbplatsen: välj ett annat.'],
  [/^is the address of another article: choose another$/, 'En annan artikel har redan den adressen: välj en annan.'],
  [/^must be one of the topics$/, 'Välj bland formulären i listan.'],
  [/^contains a NUL character, which cannot be stored$/, 'Texten innehåller ett tecken som inte kan sparas (NUL).'],
  [/^no source '(.*)' in the register$/, (m) => `Det finns ingen källa "${m[1]}" i registret.`],
  [/^must be one of investment, procurement, trade, academic, confucius, influence$/, 'Välj vad slags kontaktyta det är.'],
  [/^translates the description: write the Swedish description too$/, 'Den engelska beskrivningen översätter den svenska: skriv den svenska också.'],
  [/^must not be before the date it began$/, 'Slutet får inte vara före början.'],
  [/^lists more than (\d+)$/, (m) => `Ange högst ${m[1]}.`],
  [/^write the name of a Swedish body$/, 'Skriv namnet på en svensk aktör.'],
  [/^write the name of a Chinese place$/, 'Skriv namnet på en kinesisk ort.'],
  [/^must be a list$/, 'Ange en lista.'],
  [/^must be text$/, 'Skriv text.'],
  [/^the contact surface was changed by someone else/, 'Någon annan har ändrat kontaktytan sedan du öppnade formuläret. Se den nya versionen nedan; det du skrev står kvar.'],
  [/^must be a whole number of days from 1 to (\d+)$/, (m) => `Skriv ett helt antal dagar från 1 till ${m[1]}, till exempel 30.`],
  [/^write a name, or leave the line out$/, 'Skriv ett namn, eller ta bort raden.'],
  [/^lists more than 20 persons$/, 'Skriv högst 20 personer.'],
  [/^must be a list of names$/, 'Skriv ett namn per rad.'],
  [/^write the name of the network$/, 'Skriv nätverkets namn.'],
  [/^must be one of county, regional, national, other$/, 'Välj vad slags nätverk det är.'],
  [/^must be a länskod of two digits$/, 'Välj ett län i listan.'],
  [/^is no county's länskod$/, 'Välj ett län i listan.'],
  [/^choose an organisation$/, 'Välj en organisation.'],
  [/^no organisation '(.*)'$/, (m) => `Det finns ingen organisation "${m[1]}".`],
  [/^choose the organisation that is to keep the agreement$/, 'Välj den organisation som ska förvalta avtalet.'],
  [/^keeps the agreement already; choose another organisation$/, 'Förvaltar redan avtalet; välj en annan organisation.'],
  [
    /^the agreement has (\d+) open follow-up points and (\d+) saved decision bases of its present keeper/,
    (m) => `Avtalet har ${m[1]} öppna uppföljningspunkter och ${m[2]} sparade beslutsunderlag hos den som förvaltar det nu: stäng punkterna och spara underlagen på annat håll först.`,
  ],
  [/^the agreement was changed by someone else \(version (\d+), you saw (\d+)\)$/, (m) => `Någon annan har ändrat avtalet sedan du öppnade sidan (version ${m[1]}, du såg ${m[2]}). Formuläret visar nu förvaltaren som den är; välj igen.`],
  [/^must be the version the form was opened at$/, 'Formuläret saknar den version det öppnades vid. Öppna sidan igen.'],
  [/^(.*) is a member already$/, (m) => `${m[1]} är redan medlem.`],
  [/^'(.*)' is no member of the network that may be removed$/, (m) => `"${m[1]}" är ingen medlem som kan tas bort ur nätverket.`],
  [/^write at least the year$/, 'Skriv åtminstone året, till exempel 2027.'],
  [/^write the note$/, 'Skriv anteckningen.'],
  [/^must be a whole number$/, 'Ladda om sidan och försök igen.'],
  [/^the meeting was changed by someone else since the form was opened/, 'Någon annan har ändrat mötet sedan du öppnade formuläret: nu visas det som det sparades.'],
  [/^the network was changed by someone else since the form was opened/, 'Någon annan har ändrat nätverket sedan du öppnade formuläret: nu visas det som det sparades, och det du skrev står kvar i formuläret.'],
  [/^the network ended on ([0-9-]+): it shows now as saved$/, (m) => `Nätverket avslutades ${m[1]}: nu visas det som det sparades.`],
  [/^the network is not ended: it shows now as saved$/, 'Nätverket är inte avslutat: nu visas det som det sparades.'],
  [/^must be a day such as 2025-06-30$/, 'Skriv dagen, till exempel 2025-06-30.'],
  [/^is after today \(([0-9-]+)\): end the network when it has ended$/, (m) => `Dagen är efter i dag (${m[1]}): avsluta nätverket när det har upphört.`],
  [/^choose the county of a county's network$/, 'Välj vilket län nätverket hör till: ett läns nätverk har ett län.'],
  [/^a file named '(.*)' is added to this meeting already: remove it first, or give this file another name$/, (m) => `Mötet har redan en fil som heter "${m[1]}": ta bort den först, eller ge den här filen ett annat namn.`],
  [/^is added to this meeting already, as '(.*)'$/, (m) => `Filen "${m[1]}" finns redan vid mötet.`],
  [/^a source '(.*)' exists already$/, (m) => `Det finns redan en källa "${m[1]}"; ändra titeln något.`],
];

/** A verb's message in the page's language; a date's gives the examples its field's hint gives. */
export function sayRecords(lang: Lang, message: string): string {
  if (lang === 'en') return (message.charAt(0).toUpperCase() + message.slice(1)).replace(/ is not a date(.*); write .*$/, ` is not a date$1; write one such as ${DATE_EXAMPLES.en}`).replace(/\bkronor\b/g, 'SEK');
  for (const [pattern, text] of SV) {
    const m = pattern.exec(message);
    if (m) return typeof text === 'string' ? text : text(m);
  }
  return message;
}

/**
 * Problems with their messages in the page's language and the id of the field
 * each is shown beside. The error summary names each problem's field by its
 * label; `names` gives a better name where the label alone says too little
 * (a cost's "Totalt", a justification's long label): "Kostnad totalt: skriv …".
 */
export const problemsFor = (lang: Lang, form: string, problems: FieldProblem[] = [], names: Partial<Record<string, { sv: string; en: string }>> = {}) =>
  problems.map((p) => ({ field: p.field, message: sayRecords(lang, p.message), id: `${form}-${p.field.split('.')[0]}`, ...(names[p.field] ? { label: names[p.field]![lang] } : {}) }));
