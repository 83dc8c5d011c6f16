import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export type ArticleStatus = 'draft' | 'pending' | 'scheduled' | 'published' | 'archived'

export interface ArticleTable {
  id: Generated<number>
  title: string
  slug: string
  standfirst: Generated<string>
  body_html: Generated<string>
  body_doc: string | null
  excerpt: Generated<string>
  featured_media_id: number | null
  featured_alt: Generated<string>
  featured_caption: Generated<string>
  featured_credit: Generated<string>
  primary_category_id: number | null
  author_id: number | null
  status: ArticleStatus
  published_at: number | null
  created_at: number
  updated_at: number
  is_editors_pick: Generated<number>
  is_featured: Generated<number>
  allow_comments: Generated<number>
  seo_title: Generated<string>
  seo_description: Generated<string>
  canonical_url: Generated<string>
  word_count: Generated<number>
  reading_minutes: Generated<number>
  comment_count: Generated<number>
  version: Generated<number>
}

export type ArticleRow = Selectable<ArticleTable>
export type NewArticleRow = Insertable<ArticleTable>
export type ArticleUpdate = Updateable<ArticleTable>

/** Shape shared by article_categories, article_tags and article_authors. */
interface ArticleLinkTable {
  article_id: number
  position: Generated<number>
  /** The article's published_at while it is published, else NULL. */
  listed_at: number | null
  /** 1 on article_categories rows implied by a sub-section; 0 where chosen. */
  inherited: Generated<number>
}

export interface ArticleCategoryTable extends ArticleLinkTable {
  category_id: number
}
export interface ArticleTagTable extends ArticleLinkTable {
  tag_id: number
}
export interface ArticleAuthorTable extends ArticleLinkTable {
  user_id: number
}

export interface RevisionTable {
  id: Generated<number>
  article_id: number
  version: number
  title: string
  standfirst: string
  body_html: string
  body_doc: string | null
  author_id: number | null
  created_at: number
}
