/** Every visitor-facing text of the built-in UI, for one language. */
export interface Messages {
  regionLabel: string;
  title: string;
  body: string;
  policyLink: string;
  /** `{date}` is replaced by the policy's "last updated" date. */
  lastUpdated: string;
  acceptAll: string;
  rejectAll: string;
  categories: Record<'necessary' | 'analytics' | 'marketing', { label: string; description: string }>;
  channels: Record<'email' | 'phone', string>;
  topics: Record<'offers' | 'feedback', string>;
}
