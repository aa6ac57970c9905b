import type { BuiltInLocale } from '../../shared/config-defaults.js';
import type { Messages } from './messages.js';

/*
 * The built-in languages as the preferences panel lists them, and the chunks of those that do not come with
 * the script. A small chunk of its own, `consent-kit-language-index.js` whatever the release (vite.config.ts):
 * the script carries none of the languages' file names, and the panel brings it along, so switching language
 * in the panel fetches only that language. It must import nothing from the script.
 */

/**
 * Each built-in language's name for itself, as the panel's language switch lists it: a visitor finds their
 * own in any UI language, without its strings being fetched first.
 */
export const LANGUAGE_NAMES: Record<BuiltInLocale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-Hant': '繁體中文',
  ja: '日本語',
  ko: '한국어',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
  ar: 'العربية',
};

/** The built-in languages that do not come with the script: English and Simplified Chinese do. */
type FetchedLocale = Exclude<BuiltInLocale, 'en' | 'zh-CN'>;

/*
 * Each of these languages is a chunk of its own, all its strings (banner and panel) in one file: a visitor
 * downloads only the one shown. Typed over every built-in language: adding one to the list without its
 * chunk does not compile.
 */
const CHUNKS: Partial<Record<string, () => Promise<{ default: Messages }>>> = {
  'zh-Hant': () => import('./zh-hant.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  'pt-BR': () => import('./pt-br.js'),
  ru: () => import('./ru.js'),
  ar: () => import('./ar.js'),
} satisfies Record<FetchedLocale, unknown>;

/**
 * Fetches the strings of the built-in language `locale`; `undefined` for any other, and when the fetch
 * fails, which is reported on the console. Never rejects.
 */
export async function loadCatalog(locale: string): Promise<Messages | undefined> {
  try {
    return (await CHUNKS[locale]?.())?.default;
  } catch (error) {
    console.error(
      `consent-kit: the ${locale} strings could not be loaded, so English is shown. Publish every consent-kit-*.js file next to the script.`,
      error,
    );
    return undefined;
  }
}
