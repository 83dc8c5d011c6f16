import type { Kysely } from 'kysely'
import type { PageViewDayTable, PageViewTable } from '../analytics/page-view.table.js'
import type { AuditLogTable } from '../auth/audit.table.js'
import type { LoginAttemptTable, PasswordResetTable, SessionTable } from '../auth/session.table.js'
import type { RecoveryCodeTable, UserDeviceTable, UserTable } from '../auth/user.table.js'
import type { CommentTable } from '../comments/comment.table.js'
import type {
  ArticleAuthorTable,
  ArticleCategoryTable,
  ArticleTable,
  ArticleTagTable,
  RevisionTable,
} from '../content/article.table.js'
import type { ArticleCorrectionTable, ArticlePreviewTable } from '../content/correction.table.js'
import type { MediaTable, MediaVariantTable } from '../media/media.table.js'
import type { PageTable, RedirectTable } from '../content/page.table.js'
import type { CategoryTable, TagTable } from '../content/taxonomy.table.js'
import type { ContactMessageTable } from '../contact/contact-message.table.js'
import type { NewsletterSendTable } from '../newsletter/newsletter-send.table.js'
import type { SubscriberTable } from '../newsletter/subscriber.table.js'
import type { JobTable } from '../queue/job.table.js'
import type { ImportKeyTable } from '../provenance/import-key.table.js'
import type { ImportRunTable } from '../provenance/import-run.table.js'
import type { IntegrationTable } from '../integrations/integration.table.js'
import type { MenuItemTable, MenuTable, SettingTable } from '../settings/settings.table.js'
import type { WebhookDeliveryTable, WebhookTable } from '../webhooks/webhook.table.js'
import type { WireItemTable, WireSourceTable } from '../wire/wire.table.js'

/** Every table Broadsheet owns, as Kysely sees it. */
export interface Database {
  users: UserTable
  recovery_codes: RecoveryCodeTable
  user_devices: UserDeviceTable
  categories: CategoryTable
  tags: TagTable
  media: MediaTable
  media_variants: MediaVariantTable
  articles: ArticleTable
  article_categories: ArticleCategoryTable
  article_tags: ArticleTagTable
  article_authors: ArticleAuthorTable
  revisions: RevisionTable
  pages: PageTable
  comments: CommentTable
  subscribers: SubscriberTable
  menus: MenuTable
  menu_items: MenuItemTable
  settings: SettingTable
  redirects: RedirectTable
  page_views: PageViewTable
  page_view_days: PageViewDayTable
  jobs: JobTable
  sessions: SessionTable
  login_attempts: LoginAttemptTable
  password_resets: PasswordResetTable
  audit_log: AuditLogTable
  article_corrections: ArticleCorrectionTable
  article_previews: ArticlePreviewTable
  newsletter_sends: NewsletterSendTable
  contact_messages: ContactMessageTable
  wire_sources: WireSourceTable
  wire_items: WireItemTable
  import_keys: ImportKeyTable
  imports: ImportRunTable
  integrations: IntegrationTable
  webhooks: WebhookTable
  webhook_deliveries: WebhookDeliveryTable
}

export type Db = Kysely<Database>
export type Dialect = 'sqlite' | 'postgres'
