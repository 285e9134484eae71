// Two reports written to attack the HTML report: markup, script, event handlers, a
// javascript: URL and closing tags in the text, the titles, the URLs and the source names.
import type { ArticleInput } from '../../src/index.js';

export const HOSTILE_ARTICLES: ArticleInput[] = [
  {
    id: 'evil-1</script><script>window.__pwned=1</script>',
    source: { id: 'evil', name: 'Evil <script>window.__pwned=1</script> News</style><b>bold</b>' },
    publishedAt: '2024-05-06',
    url: 'javascript:window.__pwned=1',
    title: '</title></script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">',
    text:
      'The Koti bridge was shut on Monday after engineers found 14 cracks, officials said. ' +
      '<script>window.__pwned=1</script> "We will reopen it <img src=x onerror="window.__pwned=1"> soon," ' +
      'the mayor said. </style><style>body{display:none}</style> ' +
      '<a href="javascript:window.__pwned=1">click</a> <iframe src="javascript:alert(1)"></iframe> ' +
      '<!-- </script><script>alert(1)</script> --> &amp; &lt;b&gt; \u2028 done.',
  },
  {
    id: 'evil-2',
    source: '"><svg onload=alert(1)>',
    publishedAt: '2024-05-07',
    url: ' https://example.org/story?a=1&b="2"',
    title: "' onmouseover='window.__pwned=1",
    text:
      'Engineers found 14 cracks in the Koti bridge, which was shut on Tuesday, officials said. ' +
      '"We will reopen it <img src=x onerror="window.__pwned=1"> soon," the mayor said. </script><script>window.__pwned=1</script>',
  },
];

/** Strings that must show literally in the page (as text, not markup). */
export const HOSTILE_LITERALS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '</style><style>body{display:none}</style>',
  '&amp; &lt;b&gt;',
];
