import { describe, expect, it } from 'vitest'
import { pageWindow } from './pager.js'

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4])
  })

  it('shows the ends and two either side of the current page, with gaps', () => {
    expect(pageWindow(100, 202)).toEqual([1, null, 98, 99, 100, 101, 102, null, 202])
    expect(pageWindow(1, 202)).toEqual([1, 2, 3, null, 202])
    expect(pageWindow(202, 202)).toEqual([1, null, 200, 201, 202])
  })
})
