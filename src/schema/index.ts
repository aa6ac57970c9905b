export * from './config.js';
export * from './consent-record.js';
export * from './describe-issue.js';
export { isSafeUrl } from '../shared/safe-url.js';
