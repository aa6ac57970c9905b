import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const lint = (glob: string) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile('node', ['build/lit-analyzer.cjs', glob], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });

describe('the lint of lit-html templates (npm run lint)', () => {
  it('refuses a template that binds a property its element does not have, naming it', async () => {
    const { code, output } = await lint('test/fixtures/lit-templates/misspelt-property.ts');
    expect(code).not.toBe(0);
    expect(output).toContain("Unknown property 'checkd'");
  }, 60_000);

  it('passes the templates of src/ui', async () => {
    const { code, output } = await lint('src/ui/**/*.ts');
    expect(output).toContain('Found 0 problems');
    expect(code).toBe(0);
  }, 60_000);
});
