import type { StaticPage } from '../../../content/index.js'
import { BODY_IMAGE_SIZES, Html } from '../components/html.js'
import type { FormState } from '../form-state.js'
import { BaseLayout } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents, useSite } from '../theme-context.js'

export interface StaticPageProps {
  page: StaticPage
  sidebar: SidebarData
  /** On the Contact page: a refused message shown again with what the reader typed. */
  contactForm?: FormState | undefined
}

/** A static page (About, Contact). */
export function StaticPageView({ page, sidebar, contactForm }: StaticPageProps) {
  const site = useSite()
  const c = useComponents()
  const email = site.settings.contactEmail
  return (
    <BaseLayout
      title={page.seoTitle || page.title}
      description={page.seoDescription}
      bodyClass="page"
    >
      <div class="wrap layout">
        <main id="main" class="content">
          <c.breadcrumb trail={[{ label: page.title }]} />
          <header class="archive-header">
            <h1>{page.title}</h1>
          </header>
          <Html class="article-body page-body" html={page.bodyHtml} imageSizes={BODY_IMAGE_SIZES} />
          {page.slug === 'contact' && email && (
            <p class="contact-email">
              Email the newsroom: <a href={`mailto:${email}`}>{email}</a>
            </p>
          )}
          {page.slug === 'contact' && <c.contactForm form={contactForm} />}
        </main>
        <c.sidebar data={sidebar} />
      </div>
    </BaseLayout>
  )
}
