import type { ConsentConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import { choiceGrid } from './choice-grid.js';
import type { DecisionKeeper } from './decision-keeper.js';
import { keepEveryChoice, type DecisionChange } from './decision-record.js';
import { isGranted } from './purposes.js';

/*
 * How an account's record on the endpoint and this device's decision become one, when a page identifies the
 * visitor. Pure functions, loaded only by `identify()` (most pages never call it, so the script tag fetches
 * this with it instead of every visitor downloading it).
 */

/** Which decision speaks for an account seen on this device (`local`) and on the endpoint (`remote`). */
export type Reconciliation = 'keep-local' | 'adopt-remote' | 'merge';

/**
 * The newer decision wins, by `updatedAt`. Two different decisions made in the same second are a conflict:
 * they are merged so that a choice is on only where both have it on, because a conflict must never
 * silently turn a category or a contact choice on.
 */
export function reconcile(local: ConsentRecord, remote: ConsentRecord): Reconciliation {
  const byTime = Date.parse(local.updatedAt) - Date.parse(remote.updatedAt);
  if (byTime > 0) return 'keep-local';
  if (byTime < 0) return 'adopt-remote';
  return sameChoices(local, remote) ? 'adopt-remote' : 'merge';
}

/**
 * The record with exactly this config's optional categories, services and contact choices: unknown ids
 * dropped and missing ones off, as a decision made here would have them.
 */
export function fitToConfig(record: ConsentRecord, config: ConsentConfig): ConsentRecord {
  // Every choice comes from the grid, services included: the grid leaves them out when none is granted in part.
  const { services: _replaced, ...rest } = record;
  const choices = choiceGrid(
    config,
    (c, s) => isGranted(record, c.id, s?.id),
    (channel, topic) => record.contact[channel]?.[topic] === true,
  );
  return { ...rest, ...choices };
}

/**
 * What `identify()` does with the account's record (`found`, as the endpoint answered; `isStale` when it no
 * longer counts under this config) and this device's decision in force (`local`, and `previous`, the last one
 * stored even if no longer in force):
 * - `resend`: the account has no usable record; the local decision, if any, is sent again with the token;
 * - `nothing`: both are the same record;
 * - `adopt`: the account's record is put in force as it is, and not sent back;
 * - `merge`: two different decisions of the same second; a choice stays on only where both have it on;
 * - `continue`: the winner (`from`) gets a new revision, sent with the token.
 * Whatever wins continues the account's record (`previous`), so its revisions keep moving forward.
 */
export type IdentifyStep =
  | { do: 'resend' }
  | { do: 'nothing' }
  | { do: 'adopt'; remote: ConsentRecord; previous: ConsentRecord }
  | { do: 'merge'; remote: ConsentRecord; previous: ConsentRecord }
  | { do: 'continue'; from: ConsentRecord; previous: ConsentRecord };

export function planIdentify(
  found: ConsentRecord | null,
  isStale: boolean,
  local: ConsentRecord | null,
  previous: ConsentRecord | null,
  config: ConsentConfig,
): IdentifyStep {
  const remote = found && !isStale ? fitToConfig(found, config) : null;
  if (!remote) return { do: 'resend' };
  if (local?.id === remote.id && local.revision === remote.revision && sameChoices(local, remote))
    return { do: 'nothing' };
  const verdict = local ? reconcile(local, remote) : 'adopt-remote';
  const revision = Math.max(remote.revision, previous?.id === remote.id ? previous.revision : 0);
  const next = { ...remote, revision };
  if (verdict === 'adopt-remote' && revision === remote.revision && sameChoices(remote, found!)) {
    return { do: 'adopt', remote, previous: next };
  }
  if (verdict === 'merge') return { do: 'merge', remote, previous: next };
  return { do: 'continue', from: verdict === 'adopt-remote' ? remote : local!, previous: next };
}

export function sameChoices(a: ConsentRecord, b: ConsentRecord): boolean {
  return (
    JSON.stringify([a.categories, a.services, a.contact]) === JSON.stringify([b.categories, b.services, b.contact])
  );
}

/**
 * Carries out `identify()` on this device, once the endpoint answered with the account's record (`found`;
 * `isStale` when it no longer counts under `config`): the {@link planIdentify} step for what `keeper` holds,
 * every new revision made by `decide` (the manager's, which stores it and sends it with the token).
 */
export function identifyOnDevice(
  found: ConsentRecord | null,
  isStale: boolean,
  config: ConsentConfig,
  keeper: DecisionKeeper,
  decide: (change: DecisionChange) => void,
): void {
  const local = keeper.inForce;
  const step = planIdentify(found, isStale, local, keeper.previous, config);
  if (step.do === 'resend') {
    // A new revision of the local decision, sent with the token, makes it the account's record.
    if (local) decide(keepEveryChoice(local.method));
    return;
  }
  if (step.do === 'nothing') return;
  keeper.previous = step.previous;
  if (step.do === 'adopt') {
    keeper.save(step.remote, false);
  } else if (step.do === 'merge') {
    const { remote } = step;
    decide({
      method: local!.method,
      purpose: (c, s, current) => current && isGranted(remote, c.id, s?.id),
      contact: (channel, topic, current) => current && remote.contact[channel]?.[topic] === true,
    });
  } else {
    keeper.putInForce(step.from);
    decide(keepEveryChoice(step.from.method));
  }
}
