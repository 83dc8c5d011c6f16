export interface PageViewTable {
  article_id: number
  /** Start of the hour, epoch ms. */
  hour: number
  views: number
}
