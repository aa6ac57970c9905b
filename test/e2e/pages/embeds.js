// A frame a script builds with a plain src to the service's host, and one inside a component's shadow root.
const frame = document.createElement('iframe');
frame.title = 'A video added by a script';
frame.width = '400';
frame.height = '225';
frame.src = '/embed-frame.html?n=script';
document.getElementById('script-built').append(frame);

customElements.define(
  'video-card',
  class extends HTMLElement {
    constructor() {
      super();
      const inner = document.createElement('iframe');
      inner.title = 'A video inside a component';
      inner.width = '360';
      inner.height = '200';
      inner.dataset.consent = 'video/bilibili';
      inner.dataset.src = '/embed-frame.html?n=shadow';
      this.attachShadow({ mode: 'open' }).append(inner);
    }
  },
);
