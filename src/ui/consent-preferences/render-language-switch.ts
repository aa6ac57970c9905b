import { html } from 'lit/html.js';
import type { Translator } from '../i18n/translator.js';
import { chooseLocale } from '../locale-choice.js';

/**
 * The language select: every locale the config offers, each named in its own language. `builtInNames` are
 * the built-in languages' names for themselves (`LANGUAGE_NAMES`); the browser names any other.
 */
export function renderLanguageSwitch(
  locales: readonly string[],
  t: Translator,
  builtInNames: Readonly<Record<string, string>>,
) {
  return html`<p class="language">
    <label for="language">${t.text('language')}</label>
    <select id="language" @change=${(e: Event) => void chooseLocale((e.target as HTMLSelectElement).value)}>
      ${locales.map((l) => html`<option value=${l} ?selected=${l === t.locale} lang=${l}>${languageName(l, builtInNames)}</option>`)}
    </select>
  </p>`;
}

/** A language's own name for itself ("简体中文" for zh-CN), so a visitor can find theirs in any UI language. */
function languageName(locale: string, builtInNames: Readonly<Record<string, string>>): string {
  const builtIn = builtInNames[locale];
  if (builtIn) return builtIn;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
