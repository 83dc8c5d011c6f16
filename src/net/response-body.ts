/**
 * Reading a response body within a size limit, and undoing its Content-Encoding. The limit holds
 * for the bytes on the wire and again for the decoded bytes, so a small gzip bomb cannot expand
 * into gigabytes.
 */
import type { IncomingMessage } from 'node:http'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib'
import { NetError } from './net-error.js'

const decoders = {
  gzip: promisify<Buffer, ZlibOptions, Buffer>(gunzip),
  deflate: promisify<Buffer, ZlibOptions, Buffer>(inflate),
  deflateRaw: promisify<Buffer, ZlibOptions, Buffer>(inflateRaw),
  br: promisify<Buffer, ZlibOptions, Buffer>(brotliDecompress),
}

/** The whole body, decoded; throws TOO_LARGE past `maxBytes` and BAD_RESPONSE on broken compression. */
export async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy()
    throw tooLarge(url, maxBytes)
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) {
      response.destroy()
      throw tooLarge(url, maxBytes)
    }
    chunks.push(chunk)
  }
  const raw = Buffer.concat(chunks)
  return decode(raw, contentEncoding(response), maxBytes, url)
}

/** At most `limit` bytes of the body as text, for error reports; never throws. */
export async function readBodyStart(response: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      total += chunk.length
      if (total >= limit) break
    }
    const decoded = await decode(Buffer.concat(chunks), contentEncoding(response), limit, '')
    return decoded.subarray(0, limit).toString('utf8')
  } catch {
    return ''
  } finally {
    response.destroy()
  }
}

function contentEncoding(response: IncomingMessage): string {
  return (response.headers['content-encoding'] ?? '').trim().toLowerCase()
}

async function decode(raw: Buffer, encoding: string, maxBytes: number, url: string) {
  const options = { maxOutputLength: maxBytes }
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return await decoders.gzip(raw, options)
    if (encoding === 'br') return await decoders.br(raw, options)
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the header.
    if (encoding === 'deflate')
      return isZlibHeader(raw)
        ? await decoders.deflate(raw, options)
        : await decoders.deflateRaw(raw, options)
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(url, maxBytes)
    throw new NetError('BAD_RESPONSE', 'The response could not be decompressed.', {
      url,
      cause: error,
    })
  }
  // identity, or a coding we did not ask for: hand back the bytes as they came.
  return raw
}

function isZlibHeader(raw: Buffer): boolean {
  const [cmf = 0, flg = 0] = raw
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0
}

function tooLarge(url: string, maxBytes: number): NetError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10
  return new NetError('TOO_LARGE', `The response is larger than the ${mb} MB limit.`, { url })
}
