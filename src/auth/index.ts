/** Users, roles and passwords. */
export {
  createUser,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  ROLES,
  verifyPassword,
  type CreateUserInput,
  type UserDeps,
} from './user.service.js'
export {
  countUsers,
  findUserByEmail,
  findUserById,
  findUserBySlug,
  listUsers,
  type SocialLinks,
  type User,
} from './user.repository.js'
export type { Role } from './user.table.js'
/**
 * Who may do what (WordPress roles), as one pure function.
 * @example if (!can(user, 'article.publish', { authorIds: article.authors.map((a) => a.id) })) throw …
 */
export { can, type Action, type Actor, type ArticleSubject } from './permissions.js'
/**
 * Database sessions: the cookie holds a random token, the table its SHA-256.
 * @example const { token } = await createSession({ db, clock }, user.id, { ip, userAgent })
 */
export {
  createSession,
  listSessions,
  revokeAllSessions,
  revokeSession,
  SESSION_LIFETIME_MS,
  validateSession,
  type ClientInfo,
  type SessionDeps,
} from './session.service.js'
export type { Session } from './session.repository.js'
/**
 * Sign-in (throttled per account and per IP), sign-out and the first-run owner setup.
 * @example const { token, user } = await login({ db, clock }, { email, password, ip })
 */
export {
  login,
  needsSetup,
  recordLogout,
  setupOwner,
  type LoginDeps,
  type LoginInput,
  type SetupInput,
  type SignedIn,
} from './login.service.js'
export { ACCOUNT_RULE, IP_RULE, type ThrottleRule } from './throttle.js'
/**
 * Single-use emailed links: "forgot password" (1 hour) and invitations (3 days).
 * @example await requestPasswordReset({ db, clock, mailer }, { email, siteTitle, linkFor: (t) => `${base}/admin/reset/${t}` })
 */
export {
  findResetUser,
  inviteUser,
  INVITE_LIFETIME_MS,
  requestPasswordReset,
  RESET_LIFETIME_MS,
  resetPassword,
  type LinkBuilder,
  type ResetDeps,
} from './password-reset.service.js'
/** The audit log: who did what, to what, when. */
export { listAudit, recordAudit, type AuditDeps } from './audit.service.js'
export type {
  AuditAction,
  AuditEntry,
  AuditSubjectType,
  NewAuditEntry,
} from './audit.repository.js'
/** A token's SHA-256 and a constant-time comparison (for CSRF tokens derived from sessions). */
export { hashToken, newToken, safeEqual } from './token.js'
