import type { CategoryConfig, ConsentConfig } from '../schema/config.js';
import type { ContactChoices } from '../schema/consent-record.js';

/**
 * Every choice a decision under `config` holds, explicitly: each optional category (required ones are
 * always on and never recorded) and each contact channel × topic, with the value the callbacks give. The
 * one walk of the config's choices, shared by decisions, the panel's draft and records fitted to a config.
 */
export function choiceGrid(
  config: ConsentConfig,
  category: (category: CategoryConfig) => boolean,
  contact: (channel: string, topic: string) => boolean,
): { categories: Record<string, boolean>; contact: ContactChoices } {
  const categories: Record<string, boolean> = {};
  for (const c of config.categories) if (!c.required) categories[c.id] = category(c);
  const choices: ContactChoices = {};
  for (const { id: channel } of config.contact.channels) {
    const topics: Record<string, boolean> = (choices[channel] = {});
    for (const { id: topic } of config.contact.topics) topics[topic] = contact(channel, topic);
  }
  return { categories, contact: choices };
}
