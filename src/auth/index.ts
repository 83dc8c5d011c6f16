/**
 * People, roles, sessions and permissions. Use cases take an `Actor`; read models take the deps
 * object an entry point holds.
 */
/** Housekeeping: expired sessions and old sign-in failures removed (a daily job). */
export { LOGIN_FAILURE_RETENTION_MS, pruneSignInRecords } from './prune-sign-ins.js'
/** Who acts: a person, an integration or the system. */
export { actingUserId, systemActor, userActor, type Actor } from './actor.js'
/**
 * Accounts: create (as an actor who manages users), read, and passwords.
 * @example await createUser(deps, systemActor('cli'), { email, name, role: 'editor', password })
 */
export {
  countUsers,
  createUser,
  findUserByEmail,
  findUserById,
  findUserBySlug,
  hashPassword,
  listUsers,
  ROLES,
  verifyPassword,
  type CreateUserInput,
  type UserDeps,
} from './user.service.js'
export type { SocialLinks, User } from './user.repository.js'
/**
 * Accounts from a Broadsheet backup, as they were but with no password (JSON backup import).
 * @example await restoreUsers(deps, systemActor('json-import'), users)
 */
export { restoreUsers, type RestoredUser } from './user-restore.js'
/**
 * Managing people: change a role, deactivate (sessions end at once) and reactivate, delete
 * (their work handed over by the caller's `HandOver`), edit a profile, change your own password.
 * @example await deactivateUser(deps, userActor(admin), 7)
 */
export {
  changePassword,
  changeUserRole,
  deactivateUser,
  deleteUser,
  type HandOver,
  reactivateUser,
  updateProfile,
  type ProfileInput,
} from './people.service.js'
export type { Role } from './user.table.js'
/**
 * Who may do what (WordPress roles), as one pure function, and the refusal use cases throw.
 * @example requirePermission(actor, 'article.publish', subjectOf(article)) // or AppError('FORBIDDEN')
 */
export {
  can,
  rankOf,
  requirePermission,
  type Action,
  type ArticleSubject,
  type Asker,
} from './permissions.js'
/**
 * Database sessions: the cookie holds a random token, the table its SHA-256.
 * @example const found = await validateSession(deps, token)
 */
export {
  createSession,
  listLastActive,
  listSessions,
  revokeAllSessions,
  SESSION_LIFETIME_MS,
  validateSession,
  type ClientInfo,
  type SessionDeps,
} from './session.service.js'
export type { Session } from './session.repository.js'
export type { PendingInvitation } from './password-reset.repository.js'
/**
 * Sign-in (throttled per account and per IP), sign-out and the first-run owner setup.
 * @example const { token, user } = await login(deps, { email, password, ip })
 */
export {
  completeLogin,
  login,
  logout,
  startLogin,
  type PendingLogin,
  needsSetup,
  setupOwner,
  type LoginDeps,
  type LoginInput,
  type SetupInput,
  type SignedIn,
} from './login.service.js'
export { IP_RULE, PAIR_RULE, type ThrottleRule } from './throttle.js'
/**
 * Single-use emailed links: "forgot password" (30 minutes, one mail per 15 minutes) and invitations
 * (3 days), which can be listed, resent (earlier links stop working) and revoked.
 * @example await requestPasswordReset({ ...deps, mailer }, { email, siteTitle, linkFor: (t) => `${base}/admin/reset/${t}` })
 */
export {
  findResetUser,
  inviteUser,
  INVITE_LIFETIME_MS,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  requestPasswordReset,
  RESET_LIFETIME_MS,
  RESET_MAIL_INTERVAL_MS,
  resetPassword,
  type LinkBuilder,
  type ResetDeps,
} from './password-reset.service.js'
/**
 * Two-factor sign-in (TOTP, RFC 6238) with a local QR code and hashed single-use recovery codes.
 * @example const codes = await enableTwoFactor(deps, actor, { secret, code })
 */
export {
  disableTwoFactor,
  enableTwoFactor,
  RECOVERY_CODE_COUNT,
  startTwoFactorEnrolment,
  totpStep,
  TWO_FACTOR_ROLES,
  twoFactorStatus,
  verifySecondFactor,
  type TwoFactorEnrolment,
} from './two-factor.service.js'
/** The audit log: who did what, to what, when. Use cases write it inside their transaction. */
export { listAudit, recordAudit, type AuditDeps } from './audit.service.js'
export type {
  AuditAction,
  AuditActorKind,
  AuditEntry,
  AuditSubjectType,
  NewAuditEntry,
} from './audit.repository.js'
/** A token's SHA-256 and a constant-time comparison (for CSRF tokens derived from sessions). */
export { hashToken, newToken, safeEqual } from './token.js'
