/**
 * consent-kit: the npm entry. Core only, no side effects at import: nothing touches the DOM until `init()`.
 * Import `consent-kit/define` as well to register `<consent-banner>`.
 */
export { init } from './browser/init.js';
export { get, whenReady } from './browser/page-manager.js';
export { ConsentManager, type ConsentChoices, type ConsentEvents } from './core/consent-manager.js';
export { parseConfig, parseConfigJson } from './core/config.js';
export { ConsentError, ConsentConfigError, ConsentSyncError, ConsentUsageError } from './core/errors.js';
export { encodeRecord, decodeRecord } from './core/cookie-codec.js';
export type {
  BlockedReport,
  ConsentEnvironment,
  ConsentSync,
  DecisionStore,
  RequestGate,
  TabChannel,
} from './core/environment.js';
export { installGate, type GateOptions } from './gate/install-gate.js';
export type { BlockedDetail, GateKind } from './gate/blocked-log.js';
export { installSync } from './sync/install-sync.js';
export type { SignedReceipt, Receipt } from './schema/receipt.js';
export type {
  ConsentConfig,
  ConsentConfigInput,
  CategoryConfig,
  LocalizedText,
} from './schema/config.js';
export type { ConsentRecord, ConsentMethod, ContactChoices } from './schema/consent-record.js';
