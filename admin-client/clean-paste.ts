/**
 * Word and Google Docs put comments, conditional blocks, <o:p>, <style> and wrapper tags into
 * the clipboard. Drop them before ProseMirror parses what is left against the editor's schema
 * (which keeps only what the schema knows, including bold/italic set by `font-weight` and
 * `font-style` on Google Docs spans; the server sanitizes again on save).
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<xml[\s\S]*?<\/xml>/gi, '')
    .replace(/<meta[^>]*>/gi, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/\sclass="?Mso[^"\s>]*"?/gi, '')
}
