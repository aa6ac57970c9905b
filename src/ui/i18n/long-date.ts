const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/*
 * The long date ("June 1, 2024", "2024年6月1日") of the languages that come with the script, written here
 * rather than by Intl: a page's first Intl call starts the browser's ICU, about 12 ms of main thread in a new
 * renderer, which is where a first visit runs. Each matches Intl's `dateStyle: 'long'` for its language (a test
 * holds them to it); other languages get Intl's.
 */
const LONG_DATES: Record<string, (year: number, month: number, day: number) => string> = {
  en: (year, month, day) => `${ENGLISH_MONTHS[month - 1]} ${day}, ${year}`,
  'zh-CN': (year, month, day) => `${year}年${month}月${day}日`,
};

/** A `YYYY-MM-DD` calendar day written the long way in `locale`. */
export function longDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const written = LONG_DATES[locale];
  if (written) return written(year, month, day);
  // A calendar day: read as local midnight (a date alone would be read as UTC), so no time zone moves it.
  return new Date(`${isoDate}T00:00`).toLocaleDateString(locale, { dateStyle: 'long' });
}
