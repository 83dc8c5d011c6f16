import { describe, expect, it } from 'vitest'
import type { ImportComment } from '../import-model.js'
import { pathOf, threadOrder } from './import-writer.js'
import { uploadPathOf } from './media-import.js'

const comment = (sourceId: string, parentSourceId: string | null): ImportComment => ({
  sourceId,
  parentSourceId,
  authorSourceId: null,
  authorName: 'A reader',
  authorEmail: '',
  authorUrl: '',
  body: 'Text',
  status: 'approved',
  createdAt: new Date(0),
})

describe('threadOrder', () => {
  it('puts every parent before its replies, whatever the file order', () => {
    const ordered = threadOrder([
      comment('3', '2'),
      comment('2', '1'),
      comment('1', null),
      comment('4', null),
    ])
    expect(ordered.map((c) => c.sourceId)).toEqual(['1', '4', '2', '3'])
  })

  it('makes a reply to a comment missing from the export top-level', () => {
    expect(threadOrder([comment('7', '99')])).toEqual([{ ...comment('7', null) }])
  })
})

describe('pathOf', () => {
  it('keeps the path and WordPress query links of an old URL', () => {
    expect(pathOf('https://old.example/2019/03/vote/')).toBe('/2019/03/vote/')
    expect(pathOf('https://old.example/?p=42')).toBe('/?p=42')
    expect(pathOf('/slug/')).toBe('/slug/')
  })
})

describe('uploadPathOf', () => {
  it('finds the path under the uploads folder of WordPress and Ghost URLs', () => {
    expect(uploadPathOf('https://old.example/wp-content/uploads/2024/03/quay%20one.jpg')).toBe(
      '2024/03/quay one.jpg',
    )
    expect(uploadPathOf('https://old.example/content/images/2024/01/storm.jpg')).toBe(
      '2024/01/storm.jpg',
    )
    expect(uploadPathOf('https://cdn.example/other.jpg')).toBe('')
  })
})
