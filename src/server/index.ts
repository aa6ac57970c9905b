/**
 * consent-kit/server: the preferences endpoint for Node >= 20. Never imported by the browser entries.
 *
 * ```ts
 * const store = createSqliteStore('./consent.db');
 * const handler = await createConsentHandler({ store, controller: { name: 'Example Ltd.' }, origins: ['https://www.example.com'] });
 * await serveEndpoint(handler, { port: 8787 });
 * ```
 */
export {
  createConsentHandler,
  type ConsentHandler,
  type ConsentHandlerOptions,
  type ConnectionInfo,
} from './consent-handler.js';
export { serveEndpoint, type RunningEndpoint } from './serve-endpoint.js';
export { createSqliteStore } from './sqlite-store.js';
export { createPostgresStore } from './postgres-store.js';
export type { ConsentStore, ConsentWrite, SigningKey, StoredConsent, WriteOutcome } from './consent-store.js';
export { issueSubjectToken, verifySubjectToken, type SubjectClaims, type SubjectTokenScope } from './subject-token.js';
export { RETAINABLE_FIELDS, type RetainableField } from './build-receipt.js';
export type { Receipt, SignedReceipt, Notice, ReceiptController } from '../schema/receipt.js';
export type { PutConsentBody, PutConsentResponse, ErrorBody, Jwks } from '../schema/api.js';
/** For build steps: configs as the checked tags a script-tag page carries (what `consent-kit config` prints). */
export { checkConfigTagsIn, checkedConfigTag } from './checked-config-tag.js';
