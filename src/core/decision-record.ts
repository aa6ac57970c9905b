import type { CategoryConfig, ConsentConfig, ServiceConfig } from '../schema/config.js';
import type { ConsentMethod, ConsentRecord } from '../schema/consent-record.js';
import { choiceGrid } from './choice-grid.js';
import { isGranted } from './purposes.js';

/** A decision as a change of each choice: from its current value to the new one. */
export interface DecisionChange {
  method: ConsentMethod;
  /** Each optional category without services, and each service of one with services. */
  purpose: (category: CategoryConfig, service: ServiceConfig | undefined, current: boolean) => boolean;
  contact: (channel: string, topic: string, current: boolean) => boolean;
  /** The age confirmation given with this decision; left out, the one in force stays. */
  ageConfirmed?: boolean;
}

/** A change that keeps every choice as it is (a new revision of the same decision). */
export const keepEveryChoice = (method: ConsentMethod): DecisionChange => ({
  method,
  purpose: (_category, _service, current) => current,
  contact: (_channel, _topic, current) => current,
});

/**
 * The next record of the visitor's decision: `base` (the decision in force, or `null`) changed by `change`,
 * continuing `previous` (the last record stored, in force or not: its id, and one revision more), stamped
 * `now`. Without the age confirmation, separate-consent categories and contact choices stay off whatever
 * was asked.
 */
export function nextRecord(
  config: ConsentConfig,
  base: ConsentRecord | null,
  previous: ConsentRecord | null,
  change: DecisionChange,
  now: string,
  newId: () => string,
): ConsentRecord {
  const isOldEnough = change.ageConfirmed ?? base?.ageConfirmed === true;
  const mayNeedAge = (allowed: boolean) => allowed && (isOldEnough || config.minimumAge <= 0);
  const choices = choiceGrid(
    config,
    (c, s) => {
      const granted = change.purpose(c, s, base !== null && isGranted(base, c.id, s?.id));
      return c.separate ? mayNeedAge(granted) : granted;
    },
    (channel, topic) => mayNeedAge(change.contact(channel, topic, base?.contact[channel]?.[topic] === true)),
  );
  return {
    id: previous?.id ?? newId(),
    policyVersion: config.policy.version,
    ...choices,
    method: change.method,
    ageConfirmed: isOldEnough,
    decidedAt: base?.decidedAt ?? now,
    updatedAt: now,
    revision: (previous?.revision ?? 0) + 1,
  };
}

/**
 * Global Privacy Control is a standing opt-out: a decision in force (`state`) that granted `honorGpc`
 * categories only through the banner's "Accept all" gives way to it, as this change. An explicit
 * per-category choice stands: `undefined` then, and when the browser sends no GPC (`gpc`).
 */
export function gpcOverride(
  state: ConsentRecord | null,
  config: ConsentConfig,
  gpc: boolean,
): DecisionChange | undefined {
  if (!gpc || state?.method !== 'banner-accept-all') return undefined;
  const overridden = config.categories.filter((c) => c.honorGpc && state.categories[c.id]);
  if (overridden.length === 0) return undefined;
  return { ...keepEveryChoice('gpc'), purpose: (c, _service, current) => current && !overridden.includes(c) };
}
