/**
 * Real validators for feed and sitemap output: Ajv against the published JSON Feed 1.1 schema,
 * rss-parser for RSS and Atom, and xmllint against the sitemap XSDs.
 *
 * ../shared/validation/sitemap.xsd covers the core namespace only, and its `<xsd:any
 * namespace="##other" processContents="strict">` demands a declaration for every extension
 * element. So urlsets are validated against a small driver schema that imports the shared XSD
 * unchanged plus transcriptions of Google's image and news extension schemas (schemas/): the
 * extensions are checked strictly too, not skipped. The shared XSD has no `<sitemapindex>`,
 * so the index is checked against the sitemaps.org index schema (schemas/siteindex.xsd).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Ajv } from 'ajv'
import formats from 'ajv-formats'
import Parser from 'rss-parser'

const run = promisify(execFile)
const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../..')
// CI clones the repository with shared/ beside it.
const sharedValidation = path.resolve(repoRoot, '../shared/validation')

export const SITEMAP_XSD = path.join(sharedValidation, 'sitemap.xsd')
export const SITEINDEX_XSD = path.join(here, 'schemas/siteindex.xsd')
const JSON_FEED_SCHEMA = path.join(sharedValidation, 'jsonfeed-schema-v1.1.json')

let driver: string | undefined

/** A schema importing the shared sitemap XSD and the image and news extension schemas. */
export function urlsetSchema(): string {
  if (driver) return driver
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-xsd-'))
  const file = path.join(dir, 'urlset-with-extensions.xsd')
  const imports = [
    ['http://www.sitemaps.org/schemas/sitemap/0.9', SITEMAP_XSD],
    [
      'http://www.google.com/schemas/sitemap-image/1.1',
      path.join(here, 'schemas/sitemap-image.xsd'),
    ],
    ['http://www.google.com/schemas/sitemap-news/0.9', path.join(here, 'schemas/sitemap-news.xsd')],
  ]
  fs.writeFileSync(
    file,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:broadsheet:test:sitemaps">',
      ...imports.map(
        ([ns, location]) =>
          `<xsd:import namespace="${ns}" schemaLocation="${new URL(`file://${location}`).href}"/>`,
      ),
      '</xsd:schema>',
      '',
    ].join('\n'),
  )
  driver = file
  return file
}

/** Run `xmllint --noout --schema` on `xml`; resolves with xmllint's complaints ('' when valid). */
export async function xmllintErrors(xml: string, schema: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-xml-'))
  const file = path.join(dir, 'document.xml')
  fs.writeFileSync(file, xml)
  try {
    await run('xmllint', ['--noout', '--nonet', '--schema', schema, file])
    return ''
  } catch (error) {
    const failure = error as { stderr?: string; code?: unknown; message: string }
    if (failure.code === 'ENOENT')
      throw new Error('xmllint is missing: apt-get install -y libxml2-utils')
    return failure.stderr || failure.message
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Ajv errors for a JSON Feed against the published 1.1 schema (draft-07); [] when valid. */
export function jsonFeedErrors(feed: unknown): string[] {
  const schema = JSON.parse(fs.readFileSync(JSON_FEED_SCHEMA, 'utf8')) as object
  const ajv = new Ajv({ allErrors: true, strict: false })
  // ajv-formats is CommonJS: its default export is the plugin at run time.
  const addFormats = formats as unknown as (ajv: Ajv) => Ajv
  addFormats(ajv)
  const validate = ajv.compile(schema)
  if (validate(feed)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

export type ParsedFeed = Parser.Output<Record<string, unknown>>

/** Parse RSS or Atom with rss-parser (xml2js in strict mode underneath); throws on malformed XML. */
export function parseFeed(xml: string): Promise<ParsedFeed> {
  return new Parser<Record<string, unknown>, Record<string, unknown>>().parseString(xml)
}
