import type { TextKey } from '../../schema/text-keys.js';

/** Every visitor-facing text of the built-in UI, for one language. */
export interface Messages {
  /** The language's name for itself, as the language switch lists it. */
  name: string;
  texts: Record<TextKey, string>;
  categories: Record<'necessary' | 'analytics' | 'marketing', { label: string; description: string }>;
  channels: Record<'email' | 'phone', string>;
  topics: Record<'offers' | 'feedback', string>;
}
