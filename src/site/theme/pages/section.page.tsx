import type { SectionListing } from '../../../content/index.js'
import { sectionAccent } from '../format.js'
import type { SidebarData } from '../site-view.js'
import { useSite } from '../theme-context.js'
import { ArchivePage } from './archive.js'

export interface SectionPageProps {
  listing: SectionListing
  sidebar: SidebarData
}

/** A section: description, sub-sections, its stories (sub-sections' included), paginated. */
export function SectionPage({ listing, sidebar }: SectionPageProps) {
  const site = useSite()
  const { category, parent, children, articles } = listing
  const base = `/${category.slug}/`
  const accent = sectionAccent(category.id, site.categories)
  return (
    <ArchivePage
      name={category.name}
      base={base}
      articles={articles}
      sidebar={sidebar}
      mainStyle={accent ? `--accent:${accent}` : undefined}
      trail={[
        ...(parent ? [{ label: parent.name, href: `/${parent.slug}/` }] : []),
        { label: category.name },
      ]}
      layout={{
        description: category.description,
        activeSection: parent ? `/${parent.slug}/` : base,
        bodyClass: 'archive section',
      }}
    >
      <header class="archive-header">
        <p class="eyebrow">Section</p>
        <h1>{category.name}</h1>
        {category.description && <p class="archive-description">{category.description}</p>}
        {children.length > 0 && (
          <nav class="subsections" aria-label={`${category.name} sub-sections`}>
            <ul>
              {children.map((child) => (
                <li key={child.id}>
                  <a href={`/${child.slug}/`}>{child.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
    </ArchivePage>
  )
}
