/**
 * The components a theme may override, by name. A file `THEME_DIR/components/<kebab-name>.js`
 * replaces the component of that name (see theme-loader.ts); templates look components up
 * through `useComponents()`, so a replacement is used everywhere.
 */
import { AdSlot } from './ad-slot.js'
import { ArticleCard } from './article-card.js'
import { AuthorBox } from './author-box.js'
import { Breadcrumb } from './breadcrumb.js'
import { Comments } from './comments.js'
import { ContactForm } from './contact-form.js'
import { Footer } from './footer.js'
import { Header } from './header.js'
import { NewsletterForm } from './newsletter-form.js'
import { Pagination } from './pagination.js'
import { SearchForm } from './search-form.js'
import { ShareLinks } from './share-links.js'
import { Sidebar } from './sidebar.js'
import { SocialLinks } from './social-links.js'
import { TrendingBar } from './trending-bar.js'

export const BUILT_IN_COMPONENTS = {
  adSlot: AdSlot,
  articleCard: ArticleCard,
  authorBox: AuthorBox,
  breadcrumb: Breadcrumb,
  comments: Comments,
  contactForm: ContactForm,
  footer: Footer,
  header: Header,
  newsletterForm: NewsletterForm,
  pagination: Pagination,
  searchForm: SearchForm,
  shareLinks: ShareLinks,
  sidebar: Sidebar,
  socialLinks: SocialLinks,
  trendingBar: TrendingBar,
}

export type ThemeComponents = typeof BUILT_IN_COMPONENTS
export type ComponentName = keyof ThemeComponents
