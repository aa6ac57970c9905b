import * as z from 'zod/mini';
import { ConsentRecordSchema } from './consent-record.js';

/**
 * Decisions a page made before its endpoint client arrived, kept in localStorage as the page went away so
 * that the next page's client sends them: records, oldest first.
 */
export const HandoffSchema = z.array(ConsentRecordSchema);
