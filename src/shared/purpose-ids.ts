/**
 * Every purpose id of a config's categories, each category then its services (`analytics`,
 * `analytics/clarity`): what `has()`, `data-consent` and the Consent Mode mapping accept, and what an error
 * about an unknown id lists.
 */
export function purposeIds(categories: readonly { id: string; services: readonly { id: string }[] }[]): string[] {
  return categories.flatMap((c) => [c.id, ...c.services.map((s) => `${c.id}/${s.id}`)]);
}
