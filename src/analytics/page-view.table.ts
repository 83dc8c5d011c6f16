export interface PageViewTable {
  article_id: number
  /** Start of the hour, epoch ms. */
  hour: number
  views: number
}

/** Views per article per day (UTC), rolled up from hourly rows past their retention. */
export interface PageViewDayTable {
  article_id: number
  /** Start of the UTC day, epoch ms. */
  day: number
  views: number
}
