/** Just enough of Ghost's API clients for the tests that drive them (they ship no types). */
declare module '@tryghost/content-api' {
  type Options = Record<string, unknown>
  type Item = Record<string, unknown>
  type Browse = (
    options?: Options,
  ) => Promise<Item[] & { meta: { pagination: Record<string, unknown> } }>
  type Read = (data: { id?: string; slug?: string }, options?: Options) => Promise<Item>
  interface Resource {
    browse: Browse
    read: Read
  }
  // The package's own export is a default one.
  // eslint-disable-next-line import-x/no-default-export
  export default function GhostContentAPI(options: {
    url: string
    key: string
    version: string | boolean
    ghostPath?: string
    userAgent?: boolean
  }): {
    posts: Resource
    pages: Resource
    tags: Resource
    authors: Resource
    settings: { browse: (options?: Options) => Promise<Item> }
    tiers: { browse: Browse }
    newsletters: { browse: Browse }
    offers: { read: Read }
  }
}

declare module '@tryghost/admin-api' {
  type Options = Record<string, unknown>
  type Item = Record<string, unknown>
  interface Resource {
    browse(options?: Options): Promise<Item[] & { meta: { pagination: Item } }>
    read(data: Options, options?: Options): Promise<Item>
    add(data: Options, options?: Options): Promise<Item>
    edit(data: Options, options?: Options): Promise<Item>
    delete(data: Options, options?: Options): Promise<unknown>
  }
  // eslint-disable-next-line import-x/no-default-export
  export default function GhostAdminAPI(options: {
    url: string
    key: string
    version: string
    ghostPath?: string
  }): {
    posts: Resource
    pages: Resource
    tags: Resource
    users: Resource
    webhooks: Resource
    images: {
      upload(data: { file: string; ref?: string; purpose?: string }): Promise<Item>
    }
    site: { read(): Promise<Item> }
  }
}
