/** Reader comments: the approved ones of an article, and the moderation queue. */
export {
  countModerationQueue,
  moderationSearchedNewest,
  listApprovedComments,
  listCommentsForExport,
  listModerationQueue,
} from './comment-reads.js'
export type { Comment, ExportComment } from './comment.repository.js'
export type { QueueFilter, QueuedComment } from './moderation.repository.js'
/** Arrange approved comments into reply threads. */
export { buildCommentTree, type CommentNode } from './comment-tree.js'
export type { CommentStatus } from './comment.table.js'
/** Plain-text bodies as paragraphs of text and safe links, for the theme to render escaped. */
export { commentParagraphs, linkify, type TextPart } from './comment-text.js'
/**
 * A reader posts a comment: validated, screened for spam, stored under the moderation policy.
 * @example await postComment(deps, { articleSlug: 'budget-vote', authorName: 'Ann', authorEmail: 'ann@example.com', body: 'Well said.', honeypot: '', stamp, ip })
 */
export {
  COMMENT_LIMITS,
  commentsOpen,
  postComment,
  type CommentDeps,
  type CommentInput,
  type PostCommentDeps,
  type PostedComment,
} from './post-comment.js'
/**
 * Moderation as an actor: set statuses (bulk is all or nothing), reply as staff, add comments
 * from elsewhere (demo, imports).
 * @example await moderateComments(deps, userActor(editor), { commentIds: [12], status: 'approved' })
 */
export {
  addComments,
  findCommentArticleId,
  moderateComments,
  replyAsStaff,
  type AddedComment,
  type ModerationDeps,
} from './moderate-comment.js'
/** Comment mail: new-comment notices to authors, opt-in reply notices and their opt-out. */
export {
  notifyAuthorsOfComment,
  notifyReplyApproved,
  replyNoticeToken,
  stopReplyNotices,
  type CommentMailDeps,
} from './comment-mail.js'
/**
 * Spam defences shared with the contact form: honeypot, signed fill-time stamp, rate limits,
 * links and blocked words; `SpamChecker` is the optional Akismet-shaped hook.
 * @example const stamp = formStamp(secret, Date.now()) // put in a hidden field named STAMP_FIELD
 */
export {
  countLinks,
  DEFAULT_GUARD,
  findBlockedWord,
  formStamp,
  guardSubmission,
  HONEYPOT_FIELD,
  recordAccepted,
  STAMP_FIELD,
  type GuardDeps,
  type GuardRules,
  type SpamChecker,
  type Submission,
} from './spam-guard.js'
/** Per-process, hashed-key rate limiting (built once at the edge). */
export { RateLimiter, type RateLimits, type RateRule } from './rate-limiter.js'
