// For npm run docs:screenshots: a few years of invented newsroom work beside the demo, so the
// statistics pictures show a newsroom in its stride rather than one week of demo claims.
import { closeDb } from '@/db';
import { loadSynthetic } from '@/db/queries/synthetic';

loadSynthetic({ articles: 120, claims: 2400, seed: 5, now: Date.now() });
closeDb();
