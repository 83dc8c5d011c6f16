/**
 * A story teaser. Variants: `lead` (big picture, standfirst), `grid` (picture on top),
 * `list` (thumbnail beside the headline), `text` (headline and date). Without a picture, a `grid`
 * card becomes a typographic card (`card-no-image`: a rule in the section's colour
 * and the standfirst) so grids keep their rhythm. The headline link is
 * stretched over the card, so the whole card is one click target and one tab stop.
 */
import { formatCommentCount, type ArticleSummary } from '../../../content/index.js'
import { formatDate, pathOf, sectionAccent } from '../format.js'
import { useSite } from '../theme-context.js'
import { ResponsiveImage } from './responsive-image.js'

export type CardVariant = 'lead' | 'grid' | 'list' | 'text'

/** How wide each variant's picture shows (see site.css: .hero, .grid, .card-list). */
export const CARD_IMAGE_SIZES: Record<CardVariant, string> = {
  lead: '(min-width: 1100px) 640px, (min-width: 760px) 50vw, calc(100vw - 2rem)',
  grid: '(min-width: 1024px) 440px, (min-width: 600px) 50vw, calc(100vw - 2rem)',
  list: '104px',
  text: '0px',
}

/** A `grid` card in a compact grid (`.grid-compact`): a thumbnail beside the headline on phones. */
export const COMPACT_GRID_IMAGE_SIZES = '(min-width: 1024px) 440px, (min-width: 600px) 50vw, 104px'

export interface ArticleCardProps {
  article: ArticleSummary
  variant?: CardVariant
  level?: 2 | 3 | 4
  showSection?: boolean
  showStandfirst?: boolean
  /** Above the fold and the page's largest picture: no lazy loading, fetched first. */
  eager?: boolean
  /** The picture's `sizes`, where the card's grid shows it otherwise than its variant does. */
  imageSizes?: string
}

export function ArticleCard({
  article,
  variant = 'grid',
  level = 3,
  showSection = true,
  showStandfirst,
  eager = false,
  imageSizes,
}: ArticleCardProps) {
  const site = useSite()
  const Heading = `h${level}` as 'h3'
  const accent = sectionAccent(article.category?.id, site.categories)
  const image = variant === 'text' ? null : article.image
  // A card without a picture is a typographic card: its standfirst fills the picture's place.
  const standfirst = (!image && variant === 'grid') || (showStandfirst ?? variant === 'lead')
  // Ghost's rule: the standfirst (custom excerpt), else the excerpt (a wire story has only that).
  const teaser = article.standfirst || article.excerpt
  return (
    <div
      class={`card card-${variant}${image ? '' : ' card-no-image'}`}
      style={accent ? `--accent:${accent}` : undefined}
    >
      {image && (
        <div class="card-media">
          <ResponsiveImage
            image={image}
            sizes={imageSizes ?? CARD_IMAGE_SIZES[variant]}
            eager={eager}
            priority={eager}
          />
        </div>
      )}
      <div class="card-body">
        {showSection && article.category && variant !== 'text' && (
          <a class="badge" href={`/${article.category.slug}/`}>
            {article.category.name}
          </a>
        )}
        <Heading class="card-title">
          <a href={pathOf(article, site)}>{article.title}</a>
        </Heading>
        {standfirst && teaser && <p class="card-standfirst">{teaser}</p>}
        <p class="meta">
          {variant !== 'list' && variant !== 'text' && article.author && (
            <span class="meta-author">
              By <bdi>{article.author.name}</bdi>
            </span>
          )}
          {article.publishedAt && (
            <time datetime={article.publishedAt.toISOString()}>
              {formatDate(article.publishedAt, site)}
            </time>
          )}
          {variant === 'lead' && (
            <span class="meta-comments">{formatCommentCount(article.commentCount)}</span>
          )}
        </p>
      </div>
    </div>
  )
}
