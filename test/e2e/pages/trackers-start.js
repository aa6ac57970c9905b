// Starts four analytics libraries from npm the way their READMEs show, each on its own transport, each
// reporting to a host of its own that the test answers. `track(name)` records an event with each of them.
/* global posthog, mixpanel, amplitude, sensorsDataAnalytic201505 */
window.trackerErrors = [];
const attempt = (name, run) => {
  try {
    run();
  } catch (error) {
    window.trackerErrors.push(`${name}: ${error}`);
  }
};
// fetch
attempt('posthog', () =>
  posthog.init('phc_test', {
    api_host: 'https://ph.tracker.test',
    advanced_disable_decide: true,
    disable_session_recording: true,
    disable_surveys: true,
    autocapture: false,
    capture_pageview: true,
    request_batching: false,
    opt_out_useragent_filter: true, // the test browser is headless, which PostHog otherwise takes for a bot
  }),
);
// XMLHttpRequest
attempt('mixpanel', () =>
  mixpanel.init('mptoken', {
    api_host: 'https://mp.tracker.test',
    track_pageview: true,
    batch_requests: false,
    api_transport: 'XHR',
  }),
);
// sendBeacon
attempt('amplitude', () =>
  amplitude.init('ampkey0123456789', {
    serverUrl: 'https://amp.tracker.test/2/httpapi',
    transport: 'beacon',
    flushIntervalMillis: 100,
    fetchRemoteConfig: false,
    autocapture: {
      pageViews: true,
      sessions: false,
      attribution: false,
      formInteractions: false,
      fileDownloads: false,
      elementInteractions: false,
    },
  }),
);
// image pixel
attempt('sensors', () => {
  const sensors = sensorsDataAnalytic201505;
  sensors.init({
    server_url: 'https://sa.tracker.test/sa?project=default',
    send_type: 'image',
    show_log: false,
    heatmap: {},
  });
  sensors.quick('autoTrack');
});
window.track = (name) => {
  attempt('posthog', () => posthog.capture(name));
  attempt('mixpanel', () => mixpanel.track(name));
  attempt('amplitude', () => amplitude.track(name));
  attempt('sensors', () => sensorsDataAnalytic201505.track(name));
};
