import type { CategoryConfig, ConsentConfig, ServiceConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';

/*
 * A purpose is what a visitor grants and the gate checks: a category (`analytics`) or one service of it
 * (`analytics/clarity`). A category granted as a whole grants all its services; one granted in part lists
 * each of its services in the record's `services`.
 */

/** What a purpose id names: a category, and one of its services when the id has one. */
export interface Purpose {
  category: CategoryConfig;
  service?: ServiceConfig;
}

/** The category and service an id such as `analytics` or `analytics/clarity` names in `config`, if any. */
export function findPurpose(config: ConsentConfig, id: string): Purpose | undefined {
  const [categoryId, serviceId, ...rest] = id.split('/');
  const category = config.categories.find((c) => c.id === categoryId);
  if (!category || rest.length > 0) return undefined;
  if (serviceId === undefined) return { category };
  const service = category.services.find((s) => s.id === serviceId);
  return service && { category, service };
}

/**
 * Whether `record` grants a category, or one of its services: the service's own entry where the category
 * was granted in part, otherwise the category's.
 */
export function isGranted(record: ConsentRecord, category: string, service?: string): boolean {
  const own = service === undefined ? undefined : record.services?.[category]?.[service];
  return own ?? record.categories[category] === true;
}

/** The hosts, cookies and storage one purpose answers for, as the gate and the clean-up match them. */
export interface PurposeLists {
  id: string;
  required: boolean;
  hosts: readonly string[];
  cookies: readonly string[];
  storage: readonly string[];
}

/**
 * One entry per purpose: each service with its own lists (`analytics/clarity`), and each category with what
 * none of its services lists, so that a service's host waits for that service alone.
 */
export function purposeLists(categories: readonly CategoryConfig[]): PurposeLists[] {
  return categories.flatMap((c) => {
    const services = c.services.map((s) => ({ ...s, id: `${c.id}/${s.id}`, required: c.required }));
    const unclaimed = (field: 'hosts' | 'cookies' | 'storage') =>
      c[field].filter((item) => !services.some((s) => s[field].includes(item)));
    return [
      {
        id: c.id,
        required: c.required,
        hosts: unclaimed('hosts'),
        cookies: unclaimed('cookies'),
        storage: unclaimed('storage'),
      },
      ...services,
    ];
  });
}
