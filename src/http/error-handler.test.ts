import { describe, expect, it } from 'vitest'
import { describeError, isDatabaseUnreachable } from './error-handler.js'

describe('isDatabaseUnreachable', () => {
  it('knows the ways PostgreSQL and node-postgres say the database is away', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    })
    const shuttingDown = Object.assign(new Error('the database system is shutting down'), {
      code: '57P03',
    })
    // What a transaction's rollback throws when its connection broke under it.
    const notQueryable = new Error('Client has encountered a connection error and is not queryable')
    for (const error of [refused, shuttingDown, notQueryable, new Error('x', { cause: refused })])
      expect(isDatabaseUnreachable(error)).toBe(true)
    expect(describeError(notQueryable).status).toBe(503)
  })

  it('leaves other errors alone', () => {
    expect(isDatabaseUnreachable(new Error('syntax error at or near "selec"'))).toBe(false)
    expect(describeError(new TypeError('x is undefined')).status).toBe(500)
  })
})
