/** One URL for each reader page type, for the validity tests and `npm run audit`. */
export const PAGE_TYPES: Record<string, { url: string; status: number }> = {
  front: { url: '/', status: 200 },
  section: { url: '/news/', status: 200 },
  // Needs postsPerPage ≤ 5 on the demo newsroom (News has six stories).
  'section page 2': { url: '/news/page/2/', status: 200 },
  tag: { url: '/tag/budget/', status: 200 },
  author: { url: '/author/helena-marchetti/', status: 200 },
  article: {
    url: '/2026/11/council-approves-412m-budget-after-late-night-vote-on-library-hours/',
    status: 200,
  },
  'static page': { url: '/about/', status: 200 },
  'search results': { url: '/search/?q=council', status: 200 },
  '404': { url: '/no-such-page/', status: 404 },
}
