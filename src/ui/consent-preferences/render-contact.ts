import { html } from 'lit/html.js';
import type { ConsentConfig } from '../../schema/config.js';
import type { Translator } from '../i18n/translator.js';
import type { ChoicesDraft, ToggleDraft } from './choices-draft.js';
import { renderSwitch } from './render-switch.js';

/**
 * Marketing contact: service communications (always active), then per channel a switch for every topic,
 * labelled by the channel's name and the topic's. Locked switches are shown but not operable until the age
 * confirmation is given.
 */
export function renderContact(
  contact: ConsentConfig['contact'],
  draft: ChoicesDraft,
  isLocked: boolean,
  t: Translator,
  toggle: ToggleDraft,
) {
  return html`<section class="group" aria-labelledby="contact-heading">
    <h3 id="contact-heading">${t.text('contactHeading')}</h3>
    <p class="description">${t.text('contactIntro')}</p>
    <ul class="list">
      <li class="item">
        <div class="row">
          <span class="label" id="service-label">${t.text('serviceCommunications')}</span>
          <span class="always">${t.text('alwaysActive')}</span>
        </div>
        <p class="description" id="service-description">${t.text('serviceCommunicationsDescription')}</p>
      </li>
      ${contact.channels.map(
        (channel) => html`<li class="item"><div role="group" aria-labelledby="channel-${channel.id}">
        <span class="label" id="channel-${channel.id}">${t.contactLabel('channels', channel)}</span>
        ${contact.topics.map((topic) => {
          const labelId = `contact-${channel.id}-${topic.id}`;
          return html`<div class="row sub">
            <span id=${labelId}>${t.contactLabel('topics', topic)}</span>
            ${renderSwitch({
              checked: draft.contact[channel.id]?.[topic.id] === true,
              labelledBy: `channel-${channel.id} ${labelId}`,
              describedBy: isLocked ? 'age-required' : undefined,
              disabled: isLocked,
              onToggle: () =>
                toggle(() => {
                  const topicsOfChannel = (draft.contact[channel.id] ??= {});
                  topicsOfChannel[topic.id] = !topicsOfChannel[topic.id];
                }),
            })}
          </div>`;
        })}
      </div></li>`,
      )}
    </ul>
  </section>`;
}
