import { describe, expect, it } from 'vitest'
import { dictionary } from '@zxcvbn-ts/language-common'
import { checkPassword, COMMON_PASSWORDS_CHECKED } from './password-policy.js'

describe('checkPassword', () => {
  it('ships a list of more than 10,000 common passwords', () => {
    expect(dictionary['passwords-common'].length).toBeGreaterThan(10_000)
    expect(COMMON_PASSWORDS_CHECKED).toBeGreaterThan(100)
  })

  it('takes 12 characters of anything, with no composition rules', () => {
    for (const ok of [
      'correct horse battery',
      'aaaa bbbb cccc',
      'пароль пароль',
      '🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑',
    ])
      expect(() => checkPassword(ok)).not.toThrow()
  })

  it('counts characters, not UTF-16 units', () => {
    expect(() => checkPassword('🔑🔑🔑🔑🔑🔑')).toThrow(/at least 12/)
  })

  it('refuses short, overlong and common passwords, and the email itself', () => {
    expect(() => checkPassword('elevenchars')).toThrow(/at least 12/)
    expect(() => checkPassword('x'.repeat(1001))).toThrow(/at most 1000/)
    expect(() => checkPassword('qwerty123456')).toThrow(/most common/)
    expect(() => checkPassword('QWERTY123456')).toThrow(/most common/)
    expect(() => checkPassword('ann@example.com', { email: 'Ann@Example.com' })).toThrow(/email/)
  })
})
