import { choiceGrid } from '../../core/choice-grid.js';
import type { ConsentChoices, ConsentManager } from '../../core/consent-manager.js';
import { isGranted } from '../../core/purposes.js';

/** What the panel's switches show before the visitor saves: every optional choice, explicitly. */
export type ChoicesDraft = Required<ConsentChoices>;

/** Runs a change to the draft, then has the panel redraw: what a switch calls when it is flipped. */
export type ToggleDraft = (change: () => void) => void;

/** The draft for the decision in force, with everything off when there is none (nothing is pre-ticked). */
export function draftFrom(manager: ConsentManager): ChoicesDraft {
  const { config, state } = manager;
  const granted = (category: string, service?: string) => state !== null && isGranted(state, category, service);
  const { categories, contact } = choiceGrid(
    config,
    (c, s) => granted(c.id, s?.id),
    (channel, topic) => state?.contact[channel]?.[topic] === true,
  );
  // Every service explicitly, so that each switch has its own value to flip.
  const services = Object.fromEntries(
    config.categories
      .filter((c) => !c.required && c.services.length > 0)
      .map((c) => [c.id, Object.fromEntries(c.services.map((s) => [s.id, granted(c.id, s.id)]))]),
  );
  return { categories, services, contact, ageConfirmed: state?.ageConfirmed === true };
}

/** A key that changes whenever the decision in force does, so the draft follows decisions made elsewhere. */
export function decisionKey(manager: ConsentManager): string {
  const state = manager.state;
  return state ? `${state.id}:${state.revision}:${state.updatedAt}` : 'none';
}

/** Mirrors the core rule in the draft: without the age confirmation, contact and separate consent are off. */
export function withdrawWhatNeedsAge(manager: ConsentManager, draft: ChoicesDraft): void {
  for (const c of manager.config.categories) if (c.separate) draft.categories[c.id] = false;
  for (const topics of Object.values(draft.contact)) for (const topic of Object.keys(topics)) topics[topic] = false;
}
