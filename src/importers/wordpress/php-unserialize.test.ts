import { describe, expect, it } from 'vitest'
import { looksSerialized, unserializePhp } from './php-unserialize.js'

describe('unserializePhp', () => {
  it('reads scalars', () => {
    expect(unserializePhp('N;')).toBeNull()
    expect(unserializePhp('b:1;')).toBe(true)
    expect(unserializePhp('b:0;')).toBe(false)
    expect(unserializePhp('i:-42;')).toBe(-42)
    expect(unserializePhp('d:2.5;')).toBe(2.5)
    expect(unserializePhp('s:5:"hello";')).toBe('hello')
  })

  it('counts string lengths in UTF-8 bytes', () => {
    expect(unserializePhp('s:6:"café!";')).toBe('café!')
    expect(unserializePhp('s:4:"a";b";')).toBe('a";b')
  })

  it('reads nested arrays as maps in their order', () => {
    const value = unserializePhp(
      'a:3:{s:5:"width";i:1200;s:5:"sizes";a:1:{s:5:"thumb";a:1:{s:4:"file";s:9:"a-150.jpg";}}i:0;s:1:"x";}',
    )
    expect(value).toBeInstanceOf(Map)
    const map = value as Map<string | number, unknown>
    expect([...map.keys()]).toEqual(['width', 'sizes', 0])
    expect(map.get('width')).toBe(1200)
    const sizes = map.get('sizes') as Map<string, Map<string, string>>
    expect(sizes.get('thumb')?.get('file')).toBe('a-150.jpg')
  })

  it('recomputes lengths when \\r\\n became \\n on the way', () => {
    // Serialized as "one\r\ntwo" (8 bytes); the export turned the line ending into "\n".
    const value = unserializePhp('a:2:{s:7:"caption";s:8:"one\ntwo";s:3:"alt";s:1:"x";}')
    const map = value as Map<string, string>
    expect(map.get('caption')).toBe('one\ntwo')
    expect(map.get('alt')).toBe('x')
  })

  it('recomputes lengths when \\n became \\r\\n on the way', () => {
    const value = unserializePhp('a:1:{i:0;s:7:"one\r\ntwo";}')
    expect((value as Map<number, string>).get(0)).toBe('one\r\ntwo')
  })

  it('recomputes lengths of strings serialized in latin1', () => {
    expect(unserializePhp('a:1:{i:0;s:4:"café";}')).toEqual(new Map([[0, 'café']]))
  })

  it('refuses objects, references and junk', () => {
    expect(unserializePhp('O:8:"stdClass":1:{s:1:"a";i:1;}')).toBeUndefined()
    expect(unserializePhp('a:1:{i:0;O:3:"Foo":0:{}}')).toBeUndefined()
    expect(unserializePhp('a:1:{i:0;r:1;}')).toBeUndefined()
    expect(unserializePhp('hello')).toBeUndefined()
    expect(unserializePhp('a:2:{i:0;s:1:"x";}')).toBeUndefined()
    expect(unserializePhp('s:3:"abc";trailing')).toBeUndefined()
  })

  it('keeps keys such as __proto__ as plain map entries', () => {
    const value = unserializePhp('a:1:{s:9:"__proto__";s:1:"x";}') as Map<string, string>
    expect(value.get('__proto__')).toBe('x')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('stops at absurd nesting', () => {
    expect(unserializePhp('a:1:{i:0;'.repeat(100) + 'N;' + '}'.repeat(100))).toBeUndefined()
  })
})

describe('looksSerialized', () => {
  it('tells serialized values from plain text', () => {
    expect(looksSerialized('a:1:{i:0;s:1:"x";}')).toBe(true)
    expect(looksSerialized('s:1:"x";')).toBe(true)
    expect(looksSerialized('12')).toBe(false)
    expect(looksSerialized('A photo of the harbour')).toBe(false)
  })
})
