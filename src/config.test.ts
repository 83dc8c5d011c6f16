import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeConfig, parseConfig } from './config.js'

describe('parseConfig', () => {
  it('runs on SQLite in ./data with no variables set', () => {
    const config = parseConfig({})
    expect(config.port).toBe(3000)
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('data/broadsheet.db') })
    expect(config.publicUrl).toBe('http://localhost:3000')
    expect(config.demoContent).toBe(true)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db/news' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:p@db/news',
    })
  })

  it('takes a read replica beside a PostgreSQL DATABASE_URL, and only there', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u:p@db/news',
      DATABASE_READ_URL: 'postgres://u:secret@replica/news',
    })
    expect(config.database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:p@db/news',
      readUrl: 'postgres://u:secret@replica/news',
    })
    expect(describeConfig(config).databaseRead).toBe('postgres postgres://u:****@replica/news')
    expect(() => parseConfig({ DATABASE_READ_URL: 'postgres://replica/news' })).toThrow(
      /DATABASE_READ_URL: needs DATABASE_URL on PostgreSQL/,
    )
    expect(() =>
      parseConfig({ DATABASE_URL: 'postgres://db/news', DATABASE_READ_URL: 'mysql://r/news' }),
    ).toThrow(/DATABASE_READ_URL: must start with postgres/)
  })

  it('converts types from strings', () => {
    const config = parseConfig({
      PORT: '8080',
      DEMO_CONTENT: 'false',
      DATA_DIR: '/tmp/x',
      PUBLIC_URL: 'https://news.example/',
    })
    expect(config.port).toBe(8080)
    expect(config.demoContent).toBe(false)
    expect(config.database).toEqual({ dialect: 'sqlite', file: '/tmp/x/broadsheet.db' })
    expect(config.publicUrl).toBe('https://news.example')
  })

  it('names every invalid variable in one error', () => {
    expect(() => parseConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/,
    )
    expect(() => parseConfig({ PORT: '70000' })).toThrow(/PORT/)
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must start with postgres/,
    )
    expect(() => parseConfig({ REDIS_URL: 'nope' })).toThrow(/REDIS_URL: not a valid URL/)
  })

  it('masks passwords when describing the config', () => {
    const described = describeConfig(
      parseConfig({ DATABASE_URL: 'postgres://u:secret@db/news', REDIS_URL: 'redis://:pw@r:6379' }),
    )
    expect(JSON.stringify(described)).not.toMatch(/secret|:pw@/)
    expect(described.database).toContain('****')
  })

  it('keeps media on disk by default and in a bucket with MEDIA_STORE=s3', () => {
    expect(parseConfig({}).media).toEqual({ store: 'disk' })
    const config = parseConfig({
      MEDIA_STORE: 's3',
      S3_BUCKET: 'gazette-media',
      S3_ENDPOINT: 'http://minio:9000',
      MEDIA_PUBLIC_URL: 'https://cdn.gazette.test/',
    })
    expect(config.media).toEqual({
      store: 's3',
      bucket: 'gazette-media',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      prefix: '',
      publicUrl: 'https://cdn.gazette.test',
    })
    expect(() => parseConfig({ MEDIA_STORE: 's3' })).toThrow(/S3_BUCKET: required/)
    expect(() => parseConfig({ MEDIA_STORE: 'ftp' })).toThrow(/MEDIA_STORE/)
    expect(() => parseConfig({ MEDIA_STORE: 's3', S3_BUCKET: 'news', S3_PREFIX: 'media' })).toThrow(
      /S3_PREFIX/,
    )
  })
})
