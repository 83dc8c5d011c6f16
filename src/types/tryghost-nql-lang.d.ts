/** The one function Broadsheet uses from `@tryghost/nql-lang` (it ships no types). */
declare module '@tryghost/nql-lang' {
  const nql: {
    /** NQL text to Mongo-style JSON; throws on a syntax error. */
    parse(text: string): unknown
  }
  // The package's own export is a default one.
  // eslint-disable-next-line import-x/no-default-export
  export default nql
}
