// Sweden's 21 counties by SCB's länskod: the codes a county filter takes.
// Their names are proper names, the same on Swedish and English pages.
export const COUNTIES: Readonly<Record<string, string>> = {
  '01': 'Stockholms län', '03': 'Uppsala län', '04': 'Södermanlands län', '05': 'Östergötlands län', '06': 'Jönköpings län',
  '07': 'Kronobergs län', '08': 'Kalmar län', '09': 'Gotlands län', '10': 'Blekinge län', '12': 'Skåne län', '13': 'Hallands län',
  '14': 'Västra Götalands län', '17': 'Värmlands län', '18': 'Örebro län', '19': 'Västmanlands län', '20': 'Dalarnas län',
  '21': 'Gävleborgs län', '22': 'Västernorrlands län', '23': 'Jämtlands län', '24': 'Västerbottens län', '25': 'Norrbottens län',
};

export const isCounty = (code: string) => Object.hasOwn(COUNTIES, code);

/** The problem of a well-formed länskod that no county has, as the verbs report it. */
export const NO_SUCH_COUNTY = 'is no county\'s länskod';
