import { html } from 'lit/html.js';
import type { ConsentConfig } from '../../schema/config.js';
import type { Translator } from '../i18n/translator.js';
import type { ChoicesDraft } from './choices-draft.js';
import { renderSwitch } from './render-switch.js';

/** What the contact section draws from. */
interface ContactOptions {
  contact: ConsentConfig['contact'];
  draft: ChoicesDraft;
  /** Shown but not operable until the age confirmation is given. */
  isLocked: boolean;
  t: Translator;
  toggle: (change: () => void) => void;
}

/** A contact channel or topic as the config lists it. */
type ContactOption = ConsentConfig['contact']['channels'][number];

/**
 * Marketing contact: service communications (always active), then per channel a switch for every topic.
 * `toggle` runs the change to the draft and redraws the panel.
 */
export function renderContact(options: ContactOptions) {
  const { contact, t } = options;
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
      ${contact.channels.map((channel) => html`<li class="item"><div role="group" aria-labelledby="channel-${channel.id}">
        <span class="label" id="channel-${channel.id}">${t.contactLabel('channels', channel)}</span>
        ${contact.topics.map((topic) => renderTopicSwitch(options, channel, topic))}
      </div></li>`)}
    </ul>
  </section>`;
}


/** One topic's switch within a channel, labelled by the channel's name and the topic's. */
function renderTopicSwitch(
  { draft, isLocked, t, toggle }: ContactOptions,
  channel: ContactOption,
  topic: ContactOption,
) {
  const labelId = `contact-${channel.id}-${topic.id}`;
  return html`<div class="row sub">
    <span id=${labelId}>${t.contactLabel('topics', topic)}</span>
    ${renderSwitch({
      checked: draft.contact[channel.id]?.[topic.id] === true,
      labelledBy: `channel-${channel.id} ${labelId}`,
      describedBy: isLocked ? 'age-required' : undefined,
      disabled: isLocked,
      onToggle: () => toggle(() => {
        const topicsOfChannel = (draft.contact[channel.id] ??= {});
        topicsOfChannel[topic.id] = !topicsOfChannel[topic.id];
      }),
    })}
  </div>`;
}
