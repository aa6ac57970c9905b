import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { putBody, RECORD_ID_A } from '../../fixtures/consent-bodies.js';
import { startChild, stopChild } from '../../fixtures/endpoint-process.js';

const SECRET = 'cli-secret-of-at-least-thirty-two-characters';
const dir = mkdtempSync(join(tmpdir(), 'consent-token-scope-'));

describe('consent-kit serve --token-audience --token-issuer', () => {
  let running: Awaited<ReturnType<typeof startChild>>;
  beforeAll(async () => {
    expect(existsSync('dist/server/cli.js'), 'dist/server/cli.js is missing: run "npm run build" first').toBe(true);
    running = await startChild(
      ['--db', join(dir, 'consent.db'), '--token-audience', 'consent-kit', '--token-issuer', 'https://www.example.com'],
      { CONSENT_KIT_SECRET: SECRET },
    );
  }, 30_000);
  afterAll(async () => {
    await stopChild(running.child, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the endpoint accepts only subject tokens that carry the configured aud and iss', async () => {
    const put = async (token: string) =>
      (
        await fetch(`${running.url}/v1/consents/${RECORD_ID_A}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(putBody()),
        })
      ).status;
    expect(await put(await issueSubjectToken(SECRET, 'alice'))).toBe(401);
    expect(await put(await issueSubjectToken(SECRET, 'alice', { audience: 'consent-kit' }))).toBe(401);
    expect(await put(await issueSubjectToken(SECRET, 'alice', { issuer: 'https://www.example.com' }))).toBe(401);
    expect(
      await put(
        await issueSubjectToken(SECRET, 'alice', { audience: 'consent-kit', issuer: 'https://www.example.com' }),
      ),
    ).toBe(201);
  });
});
