// Puts back the first-run demo that e2e/support/matrix-fixtures.ts set aside for the authorization matrix.
// Input: JSON { articleIds, partyIds, sourceUrls } on argv[2].
import { markDemo } from '@/db/queries/demo';

markDemo(JSON.parse(process.argv[2] ?? '{}') as { articleIds: number[]; partyIds: number[]; sourceUrls: string[] });
console.log('{}');
