import { describe, expect, it } from 'vitest'
import { detectImageFormat } from './image-type.js'

const pad = (head: number[] | string) =>
  Buffer.concat([Buffer.from(head as never), Buffer.alloc(16)])

describe('detectImageFormat', () => {
  it('recognises each accepted format by its magic bytes', () => {
    expect(detectImageFormat(pad([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(detectImageFormat(pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png')
    expect(detectImageFormat(pad('GIF89a'))).toBe('gif')
    expect(detectImageFormat(pad('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(detectImageFormat(pad('\0\0\0\x1cftypavif'))).toBe('avif')
  })

  it('refuses everything else, whatever it claims to be', () => {
    expect(detectImageFormat(pad('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined()
    expect(detectImageFormat(pad('%PDF-1.7'))).toBeUndefined()
    expect(detectImageFormat(Buffer.from([0xff, 0xd8]))).toBeUndefined()
  })
})
