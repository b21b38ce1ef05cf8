// One long-lived tsx process per Playwright worker that runs the e2e setup scripts (e2e/support/*.ts,
// scripts/invite.ts) against the e2e database, so that a test's set-up is not a tsx start of about a
// second each (e2e/support/setup.ts talks to it). A request is a line of JSON, { args, env }: the
// script and its arguments as on a command line, and variables to set while it runs; the answer is a
// line of JSON, { out } with what the script printed, or { error }. Each script runs afresh (its module
// is loaded again); what it imports (the database connection, the app's queries) is loaded once.
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(__dirname, '..', '..');
const answer = process.stdout.write.bind(process.stdout);

function run(args: string[], env: Record<string, string>): { out: string } | { error: string } {
  const file = path.resolve(root, args[0]!);
  const saved = { argv: process.argv, env: Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]])) };
  const printed: string[] = [];
  process.argv = [process.argv[0]!, file, ...args.slice(1)];
  Object.assign(process.env, env);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  try {
    delete require.cache[require.resolve(file)];
    // Loaded again by path for each request: the script is whatever the request names.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
    return { out: printed.join('') };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    process.stdout.write = answer;
    process.argv = saved.argv;
    for (const [name, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { args, env } = JSON.parse(line) as { args: string[]; env: Record<string, string> };
  answer(`${JSON.stringify(run(args, env))}\n`);
});
// The Playwright worker is gone (its end of the pipe closed).
lines.on('close', () => process.exit(0));
