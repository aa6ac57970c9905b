/** Where a decision is kept between page loads. Implementations never throw. */
export interface DecisionStore {
  /** The stored value, or `undefined` when there is none or it cannot be read. */
  read(): string | undefined;
  /** Stores the value; `false` when it did not hold (cookies off, wrong domain, opaque origin). */
  write(value: string): boolean;
  remove(): void;
}

/** Tells the page's other tabs that the decision changed, and hears when theirs did. */
export interface TabChannel {
  post(): void;
  subscribe(onChange: () => void): () => void;
}

/** What the manager needs from the world; the browser supplies the real ones, tests their own. */
export interface ConsentEnvironment {
  store: DecisionStore;
  tabs?: TabChannel;
  /** Whether the browser sends Global Privacy Control. */
  gpc?: boolean;
  /** Where `consent:ready` and `consent:change` are dispatched (`document` in a browser). */
  events?: EventTarget;
  now?: () => number;
  randomId?: () => string;
  /** Where one-time notices go (`console.warn` by default). */
  warn?: (message: string) => void;
}
