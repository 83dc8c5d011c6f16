/**
 * A real S3-compatible server for tests: `s3rver` on the loopback, its files in a temporary
 * folder, one bucket made up front. Started by the test that needs it, closed after.
 */
import fs from 'node:fs'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

interface S3rverInstance {
  run(): Promise<{ port: number }>
  close(): Promise<void>
  httpServer?: Server
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance

/** s3rver accepts exactly these credentials. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export interface TestS3 {
  endpoint: string
  bucket: string
  /** The environment a Broadsheet process needs to use this bucket. */
  env: Record<string, string>
  close(): Promise<void>
}

export async function startS3(bucket = 'broadsheet-media'): Promise<TestS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    env: {
      MEDIA_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
    close: async () => {
      // The SDK keeps connections alive; close() alone would wait for them.
      server.httpServer?.closeAllConnections()
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
