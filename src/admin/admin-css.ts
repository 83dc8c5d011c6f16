/** The newsroom's own small stylesheet (served at /admin/admin.css). */
export const ADMIN_CSS = `
:root{--ink:#1d1d1f;--muted:#5c5c66;--line:#d6d6dc;--accent:#0b57d0;--bad:#b3261e;--ok:#146c2e;--bg:#f7f7f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header.bar{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid var(--line)}
header.bar nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0;flex-wrap:wrap}
header.bar .who{margin-left:auto;display:flex;gap:.6rem;align-items:center;color:var(--muted)}
main{max-width:60rem;margin:1.5rem auto;padding:0 1.2rem}
main.narrow{max-width:26rem}
h1{font-size:1.6rem;margin:.2rem 0 1rem}
form.stack{display:grid;gap:.9rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=password],input[type=datetime-local],select,textarea{width:100%;padding:.5rem .6rem;border:1px solid var(--line);border-radius:6px;font:inherit;background:#fff}
textarea{min-height:16rem;font-family:ui-monospace,monospace;font-size:.9rem}
input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #8ab4f8;outline-offset:1px}
button,.button{display:inline-block;padding:.5rem .9rem;border:1px solid var(--accent);border-radius:6px;background:var(--accent);color:#fff;font:inherit;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:var(--accent)}
button.danger{background:#fff;color:var(--bad);border-color:var(--bad)}
button.link{background:none;border:0;color:var(--accent);padding:0;text-decoration:underline}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0 0}
.error{border-left:4px solid var(--bad);background:#fdecea;padding:.6rem .8rem}
.notice{border-left:4px solid var(--ok);background:#e6f4ea;padding:.6rem .8rem}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid var(--line);vertical-align:top}
.status{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:1rem;padding:0;list-style:none}
.cards li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem}
.cards strong{display:block;font-size:2rem}
pre{white-space:pre-wrap;background:#fff;border:1px solid var(--line);padding:1rem;overflow:auto}
textarea.short{min-height:4.5rem;font-family:inherit;font-size:1rem}
input[type=url],input[type=search],input[type=number],input[type=file]{width:100%;padding:.5rem .6rem;border:1px solid var(--line);border-radius:6px;font:inherit;background:#fff}
select[multiple]{min-height:5rem}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;display:grid;gap:.8rem;background:#fff}
legend{font-weight:700;padding:0 .3rem}
.two{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.three{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr))}
.check{display:flex;gap:.5rem;align-items:center}.check label{margin:0;font-weight:400}
.toolbar{display:flex;flex-wrap:wrap;gap:.25rem;padding:.35rem;border:1px solid var(--line);border-bottom:0;border-radius:6px 6px 0 0;background:#fff;position:sticky;top:0;z-index:5}
.toolbar .tool{background:#fff;color:var(--ink);border:1px solid transparent;padding:.3rem .55rem;font-size:.9rem}
.toolbar .tool[aria-pressed=true]{background:#e8f0fe;border-color:var(--accent)}
.editor-content{min-height:20rem;border:1px solid var(--line);border-radius:0 0 6px 6px;background:#fff;padding:.8rem 1rem;font:18px/1.6 Georgia,serif}
.editor-content:focus{outline:3px solid #8ab4f8}
.editor-content p.is-editor-empty:first-child::before{content:attr(data-placeholder);color:var(--muted);float:left;height:0;pointer-events:none}
.editor-content figure{margin:1rem 0}.editor-content img{max-width:100%;height:auto}
.editor-content figcaption{font-size:.85rem;color:var(--muted)}
.figure-fields{display:grid;gap:.4rem;grid-template-columns:2fr 1fr;margin-top:.4rem;font:14px/1.4 system-ui,sans-serif}
.figure-fields label{display:flex;flex-direction:column;gap:.15rem;margin:0;font-size:.8rem;color:var(--muted)}.figure-fields label:last-child{grid-column:1/-1}
.figure-fields input{font:inherit;color:var(--ink)}
.editor-content .pull-quote{border-left:4px solid var(--accent);padding-left:1rem;font-size:1.3rem;font-style:italic}
.editor-content blockquote{border-left:3px solid var(--line);margin-left:0;padding-left:1rem}
.editor-content figure.embed{border:1px solid var(--line);border-radius:8px;padding:1rem;background:var(--bg)}
.editor-content table{border:1px solid var(--line)}.editor-content td,.editor-content th{border:1px solid var(--line);min-width:3rem}
.editor-content .ProseMirror-selectednode{outline:3px solid #8ab4f8}
.restore{border-left:4px solid #b58100;background:#fff4ce;padding:.6rem .8rem;margin-bottom:1rem}
.restore p{margin:0 0 .5rem}
.counter.over{color:var(--bad)}
.serp{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;max-width:40rem}
.serp p{margin:0}.serp-label{font-size:.8rem;color:var(--muted)}.serp-url{font-size:.85rem;color:#202124}
.serp-title{color:#1a0dab;font-size:1.2rem}.serp-desc{color:#4d5156;font-size:.9rem}
.featured-preview{max-width:16rem;display:block;margin-top:.5rem}
dialog.picker{width:min(60rem,95vw);max-height:90vh;border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem}
dialog::backdrop{background:rgba(0,0,0,.4)}
.picker-bar{display:grid;gap:.4rem}
.picker-grid,.media-grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(8rem,1fr));gap:.6rem}
.picker-item{background:#fff;border:1px solid var(--line);padding:.2rem;width:100%}
.picker-item img,.media-grid img{width:100%;height:7rem;object-fit:cover;display:block}
.picker-chosen{max-width:12rem}
.diff td,.diff th{width:33%}.diff-text{white-space:pre-wrap}
del{background:#fdd;color:#8a1f11}ins{background:#dfd;color:#14532d;text-decoration:underline}
.media-grid li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.4rem;font-size:.85rem}
.dropzone{border:2px dashed var(--line);border-radius:8px;padding:1rem;background:#fff}
.dropzone.over{border-color:var(--accent);background:#e8f0fe}
.chart{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin-top:1rem}
.dashboard{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
.card h2{font-size:1.1rem;margin:0 0 .5rem}.card ul{margin:0;padding-left:1.1rem}
form.inline{display:inline}button.small{padding:.15rem .45rem;font-size:.85rem}
.menu-items li{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem;margin:.3rem 0}
.menu-items li[draggable=true]{cursor:grab}.menu-items li.dragging{opacity:.5}
.count{display:inline-block;min-width:1.6rem;text-align:center;background:var(--bg);border-radius:99px;font-size:.9rem}
`
