import type { Kernel } from '../kernel.js'

/** What the content domain's reads need: the database and the clock. Writes take a `Kernel`. */
export type ContentDeps = Pick<Kernel, 'db' | 'clock'>
