// Reads the crash test's database after the last kill and prints its health as JSON.
// Usage: DATABASE_PATH=… tsx --conditions=react-server scripts/crash-check.ts <acknowledged.json>
import fs from 'node:fs';
import { closeDb } from '@/db';
import { databaseHealth } from '@/db/queries/health';

const acknowledged = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { titles: string[]; statements: string[] };
const health = databaseHealth(acknowledged);
closeDb();
console.log(JSON.stringify(health));
