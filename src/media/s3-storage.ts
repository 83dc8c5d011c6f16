/**
 * @module s3-storage
 * Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…) through `@aws-sdk/client-s3`.
 * Credentials come from the SDK's usual chain (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
 * `AWS_PROFILE`, instance roles). Keys are the same relative paths as on disk, so a library
 * moves between stores unchanged (`broadsheet media:migrate --to s3`).
 */
import { Readable } from 'node:stream'
import type * as S3 from '@aws-sdk/client-s3'
import { checkMediaKey, contentTypeFor, type MediaStorage } from './storage.js'

export interface S3StorageOptions {
  bucket: string
  region: string
  /** For stores other than AWS (MinIO, s3rver…); path-style addressing is then used. */
  endpoint?: string | undefined
  /** Key prefix inside the bucket, e.g. `media/` (default none). */
  prefix?: string
  /** Explicit credentials (tests); otherwise the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** Media files are named by content and never rewritten: caches may keep them a long time. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable'

type Sdk = typeof S3

/**
 * An S3-backed store. `url(key)` stays `/media/<key>`: the app redirects or streams it. The SDK
 * loads on first use, so processes that never touch media do not pay for it.
 */
export function s3Storage(options: S3StorageOptions): MediaStorage {
  let loading: Promise<{ sdk: Sdk; client: S3.S3Client }> | undefined
  const connect = () =>
    (loading ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.endpoint !== undefined,
        credentials: options.credentials,
      }),
    })))
  const Bucket = options.bucket
  const prefix = options.prefix ?? ''
  const objectKey = (key: string) => prefix + checkMediaKey(key)
  return {
    async put(key, bytes) {
      const { sdk, client } = await connect()
      await client.send(
        new sdk.PutObjectCommand({
          Bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentTypeFor(key),
          CacheControl: CACHE_CONTROL,
        }),
      )
    },
    async delete(key) {
      const { sdk, client } = await connect()
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: objectKey(key) }))
    },
    async get(key) {
      const { sdk, client } = await connect()
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket, Key: objectKey(key) }))
        if (!(object.Body instanceof Readable)) return undefined
        return {
          body: object.Body,
          bytes: object.ContentLength ?? 0,
          contentType: object.ContentType ?? contentTypeFor(key),
        }
      } catch (error) {
        if (error instanceof sdk.NoSuchKey) return undefined
        if (error instanceof sdk.S3ServiceException && error.$metadata.httpStatusCode === 404)
          return undefined
        throw error
      }
    },
    async *list() {
      const { sdk, client } = await connect()
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken }),
        )
        for (const object of page.Contents ?? [])
          if (object.Key) yield object.Key.slice(prefix.length)
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
    },
    url: (key) => `/media/${key}`,
  }
}
