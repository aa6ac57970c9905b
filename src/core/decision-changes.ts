import type { ConsentMethod } from '../schema/consent-record.js';
import type { ConsentChoices } from './consent-types.js';
import { keepEveryChoice, type DecisionChange } from './decision-record.js';

/*
 * The changes behind the manager's decisions, each a rule for every purpose (a category without services, or
 * one service) and every contact choice.
 */

/**
 * Every optional purpose on, except in `honorGpc` categories while the browser sends GPC (`gpc`); separate
 * consent and contact stay as they are, never granted in bulk.
 */
export const acceptAllChange = (method: ConsentMethod, gpc: boolean): DecisionChange => ({
  ...keepEveryChoice(method),
  purpose: (c, _service, current) => (c.separate ? current : !(gpc && c.honorGpc)),
});

/** Everything optional off: withdrawal in one step. */
export const rejectAllChange = (method: ConsentMethod): DecisionChange => ({
  method,
  purpose: () => false,
  contact: () => false,
});

/**
 * The given choices, the rest kept: a category's value sets all its services, then a service's own value
 * (`services.analytics.clarity`) overrides it.
 */
export const choicesChange = (choices: ConsentChoices, method: ConsentMethod): DecisionChange => ({
  method,
  purpose: (c, s, current) => (s && choices.services?.[c.id]?.[s.id]) ?? choices.categories?.[c.id] ?? current,
  contact: (channel, topic, current) => choices.contact?.[channel]?.[topic] ?? current,
  ageConfirmed: choices.ageConfirmed,
});

/** The choices that grant one purpose, `analytics` or `analytics/clarity`, as `update()` takes them. */
export function choicesGranting(purpose: string): ConsentChoices {
  const [category = '', service] = purpose.split('/');
  return service === undefined
    ? { categories: { [category]: true } }
    : { services: { [category]: { [service]: true } } };
}
