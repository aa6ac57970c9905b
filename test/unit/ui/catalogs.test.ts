// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOCALES } from '../../../src/shared/config-defaults.js';
import { TEXT_KEYS } from '../../../src/shared/text-keys.js';
import { BANNER_CATALOG } from '../../../src/ui/i18n/banner-catalog.js';
import { LANGUAGE_NAMES, loadCatalog } from '../../../src/ui/i18n/built-in-languages.js';
import { CATALOG } from '../../../src/ui/i18n/catalog.js';
import { fetchCatalog, FETCHED_CATALOGS } from '../../../src/ui/i18n/fetched-catalogs.js';
import type { Messages } from '../../../src/ui/i18n/messages.js';

/**
 * Strings that may read the same as the English ones, and why: the same word in that language (or a name).
 * Any other visible string equal to the English one is a missing translation.
 */
const INTENTIONALLY_SAME: Record<string, string[]> = {
  fr: ['Cookies', 'Marketing'],
  de: ['Cookies', 'Marketing', 'Name'],
  es: ['Cookies', 'Marketing'],
  'pt-BR': ['Cookies', 'Marketing'],
};

/** Every built-in language with all its strings: those in the script's catalogue, and the fetched chunks. */
async function everyCatalog(): Promise<[string, Messages][]> {
  return Promise.all(
    BUILT_IN_LOCALES.map(async (locale) => {
      const messages = CATALOG[locale] ?? (await loadCatalog(locale));
      if (!messages) throw new Error(`${locale} has no catalogue`);
      return [locale, messages] as [string, Messages];
    }),
  );
}

/** Each string of a catalogue by its path (`texts.title`, `categories.analytics.label`). */
function strings(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') return found.set(path, value);
  for (const [key, inner] of Object.entries(value as object)) {
    for (const [innerPath, text] of strings(inner, path ? `${path}.${key}` : key)) found.set(innerPath, text);
  }
  return found;
}

const english = strings(CATALOG.en);
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

describe('built-in catalogues', () => {
  it('list every text key in English, so the other languages are checked against all of them', () => {
    for (const key of TEXT_KEYS) expect(english.get(`texts.${key}`), key).toMatch(/\S/);
  });

  it('have every string of the English catalogue in every language, and none it lacks', async () => {
    for (const [locale, messages] of await everyCatalog()) {
      const own = strings(messages);
      expect(
        [...own.keys()].filter((path) => !english.has(path)),
        `${locale}: strings English does not have`,
      ).toEqual([]);
      expect(
        [...english.keys()].filter((path) => !own.has(path)),
        `${locale}: strings missing`,
      ).toEqual([]);
    }
  });

  it('have no empty string and keep every placeholder of the English string', async () => {
    for (const [locale, messages] of await everyCatalog()) {
      for (const [path, text] of strings(messages)) {
        expect(text, `${locale}.${path}`).toMatch(/\S/);
        expect(placeholders(text), `${locale}.${path}`).toEqual(placeholders(english.get(path)!));
      }
    }
  });

  it('translate every visible string, except those listed as the same word in that language', async () => {
    for (const [locale, messages] of await everyCatalog()) {
      if (locale === 'en') continue;
      const same = [...strings(messages)].filter(([path, text]) => text === english.get(path)).map(([, text]) => text);
      expect([...new Set(same)].sort(), locale).toEqual(
        [...new Set(same)].filter((t) => INTENTIONALLY_SAME[locale]?.includes(t)).sort(),
      );
    }
  });

  it('word "Reject all" as plainly as "Accept all": about as long, and a different word from it', async () => {
    for (const [locale, { texts }] of await everyCatalog()) {
      expect(Math.abs([...texts.rejectAll].length - [...texts.acceptAll].length), locale).toBeLessThanOrEqual(3);
      expect(texts.rejectAll, locale).not.toBe(texts.acceptAll);
    }
  });

  it('have the banner strings of English and Simplified Chinese in the script equal to their full catalogues', () => {
    for (const locale of ['en', 'zh-CN']) {
      for (const [key, text] of Object.entries(BANNER_CATALOG[locale]!.texts))
        expect(CATALOG[locale]!.texts[key as keyof Messages['texts']]).toBe(text);
    }
  });

  it('name every built-in language in itself, each name different', () => {
    const names = BUILT_IN_LOCALES.map((locale) => LANGUAGE_NAMES[locale]);
    expect(new Set(names).size).toBe(BUILT_IN_LOCALES.length);
    expect(LANGUAGE_NAMES['zh-Hant']).toBe('繁體中文');
  });
});

describe('fetching a language', () => {
  it('loads nothing for a language that is not built in', async () => {
    expect(await loadCatalog('it')).toBeUndefined();
    expect(fetchCatalog('it')).toBeUndefined();
  });

  it('has nothing to wait for with English and Simplified Chinese, which come with the script', () => {
    expect(fetchCatalog('en')).toBeUndefined();
    expect(fetchCatalog('zh-CN')).toBeUndefined();
  });

  it('makes a fetched language available to the banner and the panel, tells the elements, and fetches it once', async () => {
    expect(BANNER_CATALOG.ko).toBeUndefined();
    const told = new Promise((resolve) => document.addEventListener('consent:locale', resolve, { once: true }));
    const fetching = fetchCatalog('ko');
    expect(fetching).toBeInstanceOf(Promise);
    await fetching;
    await told;
    expect(BANNER_CATALOG.ko?.texts.acceptAll).toBe('모두 수락');
    expect(FETCHED_CATALOGS.ko?.categories.analytics.label).toBe('분석');
    expect(fetchCatalog('ko')).toBeUndefined();
  });
});
