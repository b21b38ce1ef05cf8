// npm run lint:api: writes the OpenAPI document the app serves at /api/v1/openapi.json (the same
// module builds both) to a temporary file and lints it with Redocly's recommended rules.
// Any error or warning fails, each printed with where it is.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openApiDocument } from '@/lib/openapi';

type Problem = { ruleId: string; severity: string; message: string; location: { pointer?: string }[] };
type Report = { totals: { errors: number; warnings: number }; problems: Problem[] };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-openapi-'));
const file = path.join(dir, 'openapi.json');
fs.writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

let output: string;
try {
  output = execFileSync(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    // The machines are offline: no usage report and no update check.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
} catch (error) {
  // Redocly exits non-zero when it found errors; the JSON report is still on stdout.
  output = String((error as { stdout?: unknown }).stdout ?? '');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const report = JSON.parse(output) as Report;
for (const p of report.problems) console.error(`${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
const { errors, warnings } = report.totals;
console.log(`OpenAPI document (${Object.keys(openApiDocument().paths).length} paths): ${errors} errors, ${warnings} warnings (Redocly recommended rules).`);
if (errors + warnings > 0) process.exit(1);
