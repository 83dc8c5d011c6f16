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
