// The invented article the editor guide's screenshots walk through (scripts/docs-screenshots.ts),
// written the way a news page copies: one newline between paragraphs, curly quotes.
export const GUIDE_ARTICLE = {
  title: 'Northbridge says its pipe programme halved water leaks in two years',
  outlet: 'Northbridge Evening Post',
  author: 'Ines Varga',
  publishedAt: '2026-11-24',
  body: [
    'Share this article',
    'NORTHBRIDGE — The city’s water utility said on Monday that its pipe replacement programme had halved the water lost to leaks since 2024, and that bills would not rise next year.',
    '“We have replaced 140 kilometres of mains and cut leakage by 52 per cent,” said Dana Kowalski, the utility’s chief executive, at the council’s budget hearing.',
    'The utility’s own annual report, published in October, puts the reduction at 31 per cent over the same period. Asked about the difference, a spokesperson said the report “used an older method”.',
    'Kowalski also said the programme had been completed on budget, at £48 million.',
    'Residents in the Eastmoor district say repairs there have not started. “We still lose water pressure every evening,” said Sunil Mehta, who chairs the Eastmoor Residents’ Association.',
    'The council will vote on the utility’s budget on 9 December.',
    'Comments (14)',
  ].join('\n'),
  claims: [
    {
      quote: 'cut leakage by 52 per cent',
      statement: 'Northbridge’s water utility cut leakage by 52 per cent since 2024.',
      claimant: 'Northbridge Water',
    },
    { quote: 'had been completed on budget, at £48 million', statement: 'The pipe programme was completed on budget, at £48 million.', claimant: '' },
    { quote: 'bills would not rise next year', statement: 'Water bills in Northbridge will not rise next year.', claimant: '' },
  ],
  source: {
    url: 'https://northbridge-water.example/reports/annual-report-2026',
    title: 'Annual report 2026',
    publisher: 'Northbridge Water',
    publishedOn: '2026-10-14',
    relation: 'Contradicts' as const,
    excerpt: 'Leakage, 2024 to 2026: down 31 per cent (from 61 to 42 megalitres a day).',
  },
  response: {
    newParty: 'Northbridge Water press office',
    stance: 'disputes',
    quote: '“The annual report used an older method; our new meters show 52 per cent.”',
    respondedOn: '2026-11-25',
  },
  verdictNote: 'The utility’s own annual report gives 31 per cent for the same period; the 52 per cent figure rests on a method it has not published.',
};
