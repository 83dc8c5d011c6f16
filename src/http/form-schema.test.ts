import { describe, expect, it } from 'vitest'
import { ID_PATTERN, isId, MAX_ID } from './form-schema.js'

describe('row ids in requests', () => {
  it('accepts 1 to the largest integer a PostgreSQL column holds', () => {
    for (const id of ['1', '9', '10', '999999999', '1000000000', '2147483647', '2147483646'])
      expect(isId(id), id).toBe(true)
    expect(isId('007')).toBe(true)
    expect(Number('2147483647')).toBe(MAX_ID)
  })

  it('refuses zero, anything larger, and anything but digits', () => {
    const refused = ['', '0', '000', '2147483648', '2147483650', '2147484000', '2148000000']
    refused.push('3000000000', '9999999999', '10000000000', '99999999999999999999')
    refused.push('-1', '1.5', '1e3', ' 1', '1 ', 'abc', '0x10')
    for (const id of refused) expect(isId(id), id).toBe(false)
  })

  it('agrees with a plain comparison for every length of number', () => {
    for (let digits = 1; digits <= 11; digits++) {
      for (const lead of [
        '1',
        '2',
        '21',
        '214',
        '2147',
        '21474',
        '214748',
        '2147483',
        '21474836',
      ]) {
        const text = lead.padEnd(digits, '9').slice(0, digits)
        const value = Number(text)
        expect(new RegExp(ID_PATTERN).test(text), text).toBe(value >= 1 && value <= MAX_ID)
      }
    }
  })
})
