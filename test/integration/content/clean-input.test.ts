/**
 * What a writer types enters the newsroom cleaned (src/text/clean-text): control characters and
 * bidi overrides go, headlines, tags and section names stay on one line. The same code runs on
 * both databases, so SQLite alone checks it.
 */
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import {
  createArticle,
  createCategory,
  listCategories,
  listTagsWithCounts,
  renameTag,
  saveArticle,
  updateSection,
} from '../../../src/content/index.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { useTestDatabase } from '../../support/test-database.js'

const RLO = '\u202E'
const NUL = '\u0000'

describe('newsroom input is cleaned where it enters the domain', () => {
  const t = useTestDatabase('sqlite')
  const deps = () => testKernel(t.db, fixedClock(new Date('2026-06-01T09:00:00Z')))

  it('cleans headlines, standfirsts and tag names of articles', async () => {
    const article = await createArticle(deps(), SYSTEM, {
      title: `  Harbour\tferries${NUL} return\nafter the ${RLO}storm `,
      standfirst: `First line\r\nsecond${NUL} line\u2028third ${RLO}line`,
      tags: [`Ferry${RLO}\tservices`, `Harbour${NUL}`],
    })
    expect(article.title).toBe('Harbour ferries return after the storm')
    expect(article.standfirst).toBe('First line\nsecond line\nthird line')
    expect(article.tags.map((tag) => tag.name).sort()).toEqual(['Ferry services', 'Harbour'])

    const saved = await saveArticle(deps(), SYSTEM, article.id, {
      input: { title: `Ferries${RLO} are back`, standfirst: `Back\u0007 again` },
    })
    expect(saved.title).toBe('Ferries are back')
    expect(saved.standfirst).toBe('Back again')
  })

  it('cleans section names and descriptions and tag renames', async () => {
    const section = await createCategory(deps(), SYSTEM, {
      name: `Local${RLO}\nNews`,
      description: `About\r\nthe city${NUL}`,
    })
    expect(section.name).toBe('Local News')
    expect(section.description).toBe('About\nthe city')

    await updateSection(deps(), SYSTEM, {
      id: section.id,
      name: `City${NUL}\tDesk ${RLO}`,
      description: `Our\u2029desk${RLO}`,
      parentId: null,
    })
    const [updated] = await listCategories(deps())
    expect(updated).toMatchObject({ name: 'City Desk', description: 'Our\ndesk' })

    const article = await createArticle(deps(), SYSTEM, { title: 'Tagged', tags: ['Boats'] })
    await renameTag(deps(), SYSTEM, { id: article.tags[0]!.id, name: `Ships${RLO}\nand boats` })
    const tags = await listTagsWithCounts(deps())
    expect(tags.map((tag) => tag.name)).toEqual(['Ships and boats'])
  })
})
