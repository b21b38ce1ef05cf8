import { escapeMarkup as esc } from './text';

/**
 * A complete HTML document of our own with no script (the claim card, an archived copy of a
 * source), for route handlers that answer without React. `title` is text (escaped here);
 * `head`, `css` and `body` are markup their callers built with every text escaped.
 */
export function htmlDocument({ title, head = '', css, body }: { title: string; head?: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
${head}<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
