/**
 * The localStorage keys under which pages leave decisions for the next page's endpoint client: one key per
 * page, `<prefix>.<page id>`.
 */
export function handoffPrefix(cookieName: string): string {
  return `consent-kit:${cookieName}-handoff`;
}
