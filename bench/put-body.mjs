/** The body of one `PUT /v1/consents/:id`, as the SDK sends it: every load run writes records like this. */
export const putBody = (id, revision) =>
  JSON.stringify({
    record: {
      id,
      policyVersion: '2024-06',
      categories: { analytics: true, marketing: false },
      contact: { email: { offers: false, feedback: true } },
      method: 'preferences-save',
      decidedAt: '2025-01-15T10:00:00.000Z',
      updatedAt: '2025-01-15T10:00:00.000Z',
      revision,
    },
    idempotencyKey: crypto.randomUUID().replaceAll('-', ''),
    notice: { language: 'zh-CN', policyUrl: 'https://www.example.com/privacy' },
  });
