import type { CategoryConfig, ConsentConfig, ServiceConfig } from '../schema/config.js';
import type { ContactChoices, ServiceChoices } from '../schema/consent-record.js';

/** A decision's choices: categories, the services of those granted in part (left out when none is), contact. */
export interface ChoiceGrid {
  categories: Record<string, boolean>;
  services?: ServiceChoices;
  contact: ContactChoices;
}

/**
 * Every choice a decision under `config` holds, with the value the callbacks give: each optional category
 * without services, each service of one with services (required ones are always on and never recorded), and
 * each contact channel × topic. A category whose services are all on is recorded as granted, all off as
 * denied, and only one in between lists its services. The one walk of the config's choices, shared by
 * decisions, the panel's draft and records fitted to a config.
 */
export function choiceGrid(
  config: ConsentConfig,
  purpose: (category: CategoryConfig, service?: ServiceConfig) => boolean,
  contact: (channel: string, topic: string) => boolean,
): ChoiceGrid {
  const categories: Record<string, boolean> = {};
  const services: ServiceChoices = {};
  for (const c of config.categories) {
    if (c.required) continue;
    if (c.services.length === 0) {
      categories[c.id] = purpose(c);
      continue;
    }
    const states = Object.fromEntries(c.services.map((s) => [s.id, purpose(c, s)]));
    const values = Object.values(states);
    categories[c.id] = values.every(Boolean);
    if (!categories[c.id] && values.some(Boolean)) services[c.id] = states;
  }
  const choices: ContactChoices = {};
  for (const { id: channel } of config.contact.channels) {
    const topics: Record<string, boolean> = (choices[channel] = {});
    for (const { id: topic } of config.contact.topics) topics[topic] = contact(channel, topic);
  }
  return Object.keys(services).length > 0
    ? { categories, services, contact: choices }
    : { categories, contact: choices };
}
