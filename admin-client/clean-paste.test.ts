import { describe, expect, it } from 'vitest'
import { cleanPastedHtml } from './clean-paste.js'
import { sameContent } from './local-copy.js'

describe('cleanPastedHtml', () => {
  it('drops Word comments, conditionals, styles, <o:p> and Mso classes', () => {
    const word =
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->' +
      '<style>p.MsoNormal{margin:0}</style><meta name="Generator" content="Word">' +
      '<p class="MsoNormal">Council <b>approves</b> budget<o:p></o:p></p>'
    expect(cleanPastedHtml(word)).toBe('<p>Council <b>approves</b> budget</p>')
  })

  it('keeps Google Docs spans so their bold and italic styles reach the schema', () => {
    const docs = '<b id="docs-internal-guid-1"><span style="font-weight:700">Bold</span></b>'
    expect(cleanPastedHtml(docs)).toBe(docs)
  })
})

describe('sameContent', () => {
  it('ignores tokens, versions and the editor JSON but not the text', () => {
    const a = { _csrf: 'x', version: '2', title: 'A', bodyHtml: '<p>1</p>', bodyDoc: '{}' }
    expect(sameContent(a, { ...a, _csrf: 'y', version: '3', bodyDoc: '[]' })).toBe(true)
    expect(sameContent(a, { ...a, bodyHtml: '<p>2</p>' })).toBe(false)
    expect(sameContent(a, { ...a, tags: ['x'] })).toBe(false)
  })
})
