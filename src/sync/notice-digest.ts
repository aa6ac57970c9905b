import type { ConsentConfig } from '../schema/config.js';

/**
 * The notice as the config defines it for one language: the policy, each category with its labels,
 * descriptions and cookie table, the contact options and the site's text overrides. Its hash goes into
 * every receipt, so a later change of wording shows.
 */
export function noticeText(config: ConsentConfig, language: string): string {
  return JSON.stringify([
    config.policy,
    config.categories.map(({ id, required, label, description, cookieTable }) => ({
      id,
      required,
      label,
      description,
      cookieTable,
    })),
    config.contact,
    language,
    config.texts[language] ?? {},
  ]);
}

/** SHA-256 as 64 hex digits; `undefined` where Web Crypto is unavailable (pages outside a secure context). */
export async function sha256Hex(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
