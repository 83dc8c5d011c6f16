/**
 * The contact form: screened like comments, stored, mailed to the contact address.
 * @example await sendContactMessage(deps, { name: 'Ann', email: 'ann@example.com', subject: 'Tip', message: '…', honeypot: '', stamp, ip })
 */
export {
  CONTACT_LIMITS,
  sendContactMessage,
  type ContactDeps,
  type ContactInput,
} from './send-contact-message.js'
/**
 * Messages added as they were received (backups, generated archives), sending nothing; and read
 * back by id for a backup.
 */
export { listContactMessagesForExport, restoreContactMessages } from './contact-restore.js'
/** The newsroom's list of messages, newest first. */
export { listContactMessages } from './contact-reads.js'
export type { ContactMessage } from './contact-message.repository.js'
