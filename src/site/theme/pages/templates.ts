/** The built-in page templates, by name. A theme adds or replaces any of them (templates.ts). */
import { ArticlePage } from './article.page.js'
import { AuthorPage } from './author.page.js'
import { ErrorPage } from './error.page.js'
import { HomePage } from './home.page.js'
import { MessagePage } from './message.page.js'
import { StaticPageView } from './page.page.js'
import { SearchPage } from './search.page.js'
import { SectionPage } from './section.page.js'
import { SubscribePage } from './subscribe.page.js'
import { TagPage } from './tag.page.js'

export const BUILT_IN_TEMPLATES = {
  home: HomePage,
  post: ArticlePage,
  section: SectionPage,
  tag: TagPage,
  author: AuthorPage,
  page: StaticPageView,
  search: SearchPage,
  subscribe: SubscribePage,
  message: MessagePage,
  error: ErrorPage,
}

export type TemplateKind = keyof typeof BUILT_IN_TEMPLATES
export type TemplateProps<K extends TemplateKind> = Parameters<(typeof BUILT_IN_TEMPLATES)[K]>[0]
