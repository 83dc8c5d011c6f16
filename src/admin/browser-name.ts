/** A User-Agent header as people say it: "Chrome on Linux", "Safari on iPhone". */
export function browserName(userAgent: string): string {
  if (!userAgent.trim()) return 'Unknown browser'
  const browser = [
    [/Edg\//, 'Edge'],
    [/Firefox\//, 'Firefox'],
    [/(Chrome|Chromium|CriOS)\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ] as const
  const system = [
    [/iPhone|iPad/, 'iPhone or iPad'],
    [/Android/, 'Android'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ] as const
  const name = browser.find(([pattern]) => pattern.test(userAgent))?.[1]
  const os = system.find(([pattern]) => pattern.test(userAgent))?.[1]
  if (!name && !os) return userAgent.slice(0, 60)
  return [name ?? 'A browser', os && `on ${os}`].filter(Boolean).join(' ')
}
