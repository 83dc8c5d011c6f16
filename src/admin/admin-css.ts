/**
 * The newsroom's design system in one stylesheet: custom properties for colour, spacing and
 * type (a dark palette under prefers-color-scheme), then layout and components. Served at
 * `/admin/admin.css?v=<hash>`, compressed once at start-up.
 */
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
export const ADMIN_CSS = `
/* Broadsheet newsroom design system: tokens first, then layout, then components. */
:root{color-scheme:light dark;
--bg:#fff;--surface:#fff;--sunken:#f6f7f8;--raised:#fff;--ink:#15171a;--muted:#5d6670;--faint:#6b7178;--line:#e3e6e8;--line-strong:#c9ced3;
--accent:#15171a;--accent-ink:#fff;--link:#1b5fc9;--focus:#3b82f6;--bad:#c5221f;--bad-bg:#fdecea;--ok:#137333;--ok-bg:#e6f4ea;--warn:#8a5a00;--warn-bg:#fff4ce;
--badge-draft:#5d6670;--badge-pending:#8a5a00;--badge-scheduled:#1b5fc9;--badge-published:#137333;--badge-archived:#6b7178;
--s1:.25rem;--s2:.5rem;--s3:.75rem;--s4:1rem;--s5:1.5rem;--s6:2rem;--s7:3rem;
--radius:6px;--radius-lg:10px;--shadow:0 1px 2px rgba(0,0,0,.06),0 4px 16px rgba(0,0,0,.06);
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;--serif:Georgia,"Times New Roman",serif;--mono:ui-monospace,SFMono-Regular,Menlo,monospace;
--text-sm:.875rem;--text-md:1rem;--text-lg:1.125rem;--text-xl:1.5rem;--text-2xl:2rem;
--nav-w:15.5rem;--top-h:3.5rem}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--surface:#1c1f23;--sunken:#111315;--raised:#23272b;--ink:#eceef0;--muted:#a4abb3;--faint:#8f969e;--line:#2e3338;--line-strong:#444b52;
--accent:#eceef0;--accent-ink:#15171a;--link:#8ab4f8;--focus:#8ab4f8;--bad:#f28b82;--bad-bg:#3a1d1b;--ok:#81c995;--ok-bg:#17301f;--warn:#fdd663;--warn-bg:#3a3113;
--badge-draft:#a4abb3;--badge-pending:#fdd663;--badge-scheduled:#8ab4f8;--badge-published:#81c995;--badge-archived:#8f969e;--shadow:0 1px 2px rgba(0,0,0,.4),0 4px 16px rgba(0,0,0,.4)}}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;font:var(--text-md)/1.5 var(--font);color:var(--ink);background:var(--bg);-webkit-font-smoothing:antialiased}
a{color:var(--link)}
/* Keys, tokens and addresses are one long word: they wrap rather than run off the screen. */
code{overflow-wrap:anywhere}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;z-index:50}.skip:focus{left:1rem;top:1rem;background:var(--surface);padding:.5rem;color:var(--ink)}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.muted{color:var(--muted)}.small{font-size:var(--text-sm)}
h1{font-size:var(--text-2xl);line-height:1.2;margin:0 0 var(--s4);letter-spacing:-.01em}
h2{font-size:var(--text-lg);margin:var(--s6) 0 var(--s3)}
/* Layout: top bar, sidebar, main. */
.topbar{position:sticky;top:0;z-index:20;display:flex;align-items:center;gap:var(--s4);height:var(--top-h);padding:0 var(--s4);background:var(--surface);border-bottom:1px solid var(--line)}
.brand{display:flex;align-items:center;gap:var(--s2);color:var(--ink);text-decoration:none;font-weight:700;min-width:calc(var(--nav-w) - 2rem)}
.brand-mark{display:inline-grid;place-items:center;width:1.8rem;height:1.8rem;border-radius:var(--radius);background:var(--accent);color:var(--accent-ink);font-family:var(--serif)}
.top-search{flex:1;max-width:32rem;display:flex;align-items:center;gap:var(--s2);background:var(--sunken);border:1px solid var(--line);border-radius:var(--radius);padding:0 var(--s3);color:var(--muted)}
.top-search input[type=search]{border:0;background:transparent;padding:.45rem 0;width:100%;color:var(--ink);font:inherit;border-radius:0}
.top-search input[type=search]:focus{outline:none}.top-search:focus-within{outline:3px solid var(--focus)}
.view-site{display:flex;align-items:center;gap:var(--s1);color:var(--ink);text-decoration:none;font-size:var(--text-sm);margin-left:auto}
.account{position:relative}
.account summary{list-style:none;display:flex;align-items:center;gap:var(--s2);cursor:pointer;padding:var(--s1) var(--s2);border-radius:var(--radius)}
.account summary::-webkit-details-marker{display:none}
.account summary:hover{background:var(--sunken)}
.avatar-dot{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:50%;background:var(--sunken);border:1px solid var(--line);font-weight:700}
.account-menu{position:absolute;right:0;top:calc(100% + .4rem);min-width:15rem;background:var(--raised);border:1px solid var(--line);border-radius:var(--radius-lg);box-shadow:var(--shadow);padding:var(--s3);display:grid;gap:var(--s2)}
.account-menu a{color:var(--ink);text-decoration:none}
.sidenav{position:fixed;top:var(--top-h);bottom:0;left:0;width:var(--nav-w);overflow-y:auto;background:var(--sunken);border-right:1px solid var(--line);padding:var(--s4) var(--s3)}
.nav-heading{font-size:.72rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:var(--s4) var(--s3) var(--s1)}
.nav-group:first-child .nav-heading{margin-top:0}
.sidenav ul{list-style:none;margin:0;padding:0}
.sidenav a{display:flex;align-items:center;gap:var(--s3);padding:.45rem var(--s3);border-radius:var(--radius);color:var(--ink);text-decoration:none;font-size:.95rem}
.sidenav a:hover{background:var(--line)}
.sidenav a[aria-current=page]{background:var(--surface);box-shadow:var(--shadow);font-weight:600}
.icon{flex:none;vertical-align:middle}
body.with-nav main{margin:0 0 0 var(--nav-w);max-width:none;padding:var(--s5) var(--s6) var(--s7)}
main{max-width:72rem;margin:var(--s5) auto;padding:0 var(--s4)}
main:focus{outline:none}
main.narrow{max-width:28rem}
body.bare main{margin-top:10vh}
.page-head{display:flex;align-items:center;justify-content:space-between;gap:var(--s4);flex-wrap:wrap;margin-bottom:var(--s4)}
.page-head h1{margin:0}
@media (max-width:900px){
 .sidenav{transform:translateX(-100%);transition:transform .2s;z-index:30;box-shadow:var(--shadow)}
 body.nav-open .sidenav{transform:none}
 .nav-toggle{display:inline-flex!important}
 body.with-nav main{margin-left:0;padding:var(--s4)}
 .brand{min-width:0}.brand-name,.account-name,.view-site span{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
 .top-search{max-width:none}
}
.nav-toggle{display:none;background:none;border:0;color:var(--ink);padding:var(--s2);cursor:pointer}
/* Forms. */
label{display:block;font-weight:600;margin-bottom:var(--s1);font-size:var(--text-sm)}
input[type=text],input[type=email],input[type=password],input[type=datetime-local],input[type=date],input[type=url],input[type=search],input[type=number],input[type=file],select,textarea{width:100%;padding:.5rem .65rem;border:1px solid var(--line-strong);border-radius:var(--radius);font:inherit;background:var(--surface);color:var(--ink)}
textarea{min-height:16rem;font-family:var(--mono);font-size:.9rem}
input:focus,select:focus,textarea:focus{outline:3px solid var(--focus);outline-offset:0;border-color:var(--focus)}
button,.button{display:inline-flex;align-items:center;gap:var(--s2);padding:.5rem 1rem;border:1px solid var(--accent);border-radius:var(--radius);background:var(--accent);color:var(--accent-ink);font:inherit;font-weight:600;cursor:pointer;text-decoration:none;line-height:1.3}
button:hover,.button:hover{filter:brightness(1.15)}
button.secondary,.button.secondary{background:var(--surface);color:var(--ink);border-color:var(--line-strong)}
button.danger{background:var(--surface);color:var(--bad);border-color:var(--bad)}
button.link{background:none;border:0;color:var(--link);padding:0;text-decoration:underline;font-weight:400}
button.small{padding:.2rem .55rem;font-size:var(--text-sm)}
fieldset{border:1px solid var(--line);border-radius:var(--radius-lg);padding:var(--s4);display:grid;gap:var(--s3);background:var(--surface)}
legend{font-weight:700;padding:0 var(--s1)}
.card{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius-lg);padding:var(--s4) var(--s5)}
.card h2{font-size:var(--text-lg);margin:0 0 var(--s2)}
.error{border-left:4px solid var(--bad);background:var(--bad-bg);padding:var(--s3) var(--s4);border-radius:var(--radius)}
.notice{border-left:4px solid var(--ok);background:var(--ok-bg);padding:var(--s3) var(--s4);border-radius:var(--radius)}
.restore{border-left:4px solid var(--warn);background:var(--warn-bg);padding:var(--s3) var(--s4);margin-bottom:var(--s4);border-radius:var(--radius)}
/* Tables and lists. */
.table-wrap{position:relative;overflow-x:auto;border:1px solid var(--line);border-radius:var(--radius-lg);background:var(--surface)}
table{width:100%;border-collapse:collapse;background:var(--surface)}
th,td{text-align:left;padding:.65rem .75rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);background:var(--sunken)}
tbody tr:last-child td{border-bottom:0}
tbody tr:hover{background:var(--sunken)}
.status{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:99px;font-size:.75rem;font-weight:600;border:1px solid currentColor;text-transform:capitalize;color:var(--muted)}
.badge.draft{color:var(--badge-draft)}.badge.pending{color:var(--badge-pending)}.badge.scheduled{color:var(--badge-scheduled)}.badge.published{color:var(--badge-published)}.badge.archived{color:var(--badge-archived)}
.count{position:relative;display:inline-block;min-width:1.6rem;padding:0 .4rem;text-align:center;background:var(--sunken);border-radius:99px;font-size:.8rem;color:var(--muted)}
.sidenav .count,.nav-toggle .count{margin-left:auto;background:var(--accent);color:var(--accent-ink);font-weight:600}
.nav-toggle .count{margin-left:var(--s1);align-self:center}
h1 .count{vertical-align:middle;font-size:1rem;padding:.1rem .6rem;font-weight:600;color:var(--ink)}
.tabs{display:flex;gap:var(--s1);flex-wrap:wrap;border-bottom:1px solid var(--line);margin-bottom:var(--s4)}
.tabs a{padding:.5rem .75rem;color:var(--muted);text-decoration:none;border-bottom:2px solid transparent;margin-bottom:-1px;font-weight:600;font-size:var(--text-sm)}
.tabs a[aria-current=page]{color:var(--ink);border-color:var(--ink)}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:var(--s3);align-items:end;margin-bottom:var(--s4)}
.filters .grow{grid-column:1/-1}
.filters .check{align-self:center}
.filter-buttons{display:flex;gap:var(--s2)}
.summary{color:var(--muted);font-size:var(--text-sm);margin:var(--s2) 0}
.bulk-bar{display:flex;flex-wrap:wrap;gap:var(--s2);align-items:center;border:0;padding:0 0 var(--s3);background:none}
.bulk-bar label{margin:0}
.bulk-bar select,.bulk-bar input{width:auto}
td.pick,th.pick{width:2.5rem}
a.headline{color:var(--ink);font-weight:600;text-decoration:none;font-size:1.02rem}
a.headline:hover{text-decoration:underline}
.row-links{font-size:var(--text-sm);margin-top:.15rem}
.combobox{position:relative}
.combobox input{width:100%}
.combobox-chips{list-style:none;margin:0 0 var(--s1);padding:0;display:flex;flex-wrap:wrap;gap:var(--s1)}
.chip{display:inline-flex;align-items:center;gap:.2rem;background:var(--sunken);border:1px solid var(--line);border-radius:999px;padding:.1rem .2rem .1rem .6rem;font-size:var(--text-sm)}
.chip-remove{border:0;background:transparent;color:var(--muted);min-width:1.75rem;min-height:1.75rem;padding:0;border-radius:999px;font-size:1rem;line-height:1;cursor:pointer}
.chip-remove:hover{background:var(--line);color:var(--ink)}
.combobox-list{position:absolute;z-index:20;left:0;right:0;margin:.2rem 0 0;padding:.25rem 0;list-style:none;max-height:14rem;overflow:auto;background:var(--raised);border:1px solid var(--line-strong);border-radius:var(--radius);box-shadow:var(--shadow)}
.combobox-list [role=option]{padding:.4rem .7rem;cursor:pointer}
.combobox-list [role=option][aria-selected=true]{background:var(--accent);color:var(--accent-ink)}
@media (max-width:600px){
 table.people thead,table.sessions thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.people tr,table.people td,table.sessions tr,table.sessions td{display:block}
 table.people tr,table.sessions tr{padding:var(--s2) 0;border-bottom:1px solid var(--line)}
 table.people td,table.sessions td{border:0;padding:.2rem var(--s3)}
 table.people td:empty{display:none}
}
.dropzone+.filters,.dropzone+.hint+.filters{margin-top:var(--s5)}
.row-actions{display:flex;flex-wrap:wrap;gap:var(--s2);align-items:center}
.message-list,.queue{list-style:none;padding:0;margin:0;display:grid;gap:var(--s3)}
.message-text,.comment-body{white-space:pre-wrap}
.pager{display:flex;flex-wrap:wrap;gap:var(--s1);align-items:center;margin:var(--s4) 0}
.pager a,.pager span{padding:.3rem .65rem;border-radius:var(--radius);border:1px solid var(--line);text-decoration:none;color:var(--ink);font-size:var(--text-sm)}
.pager a[aria-current=page]{background:var(--accent);color:var(--accent-ink);border-color:var(--accent)}
.pager .disabled{color:var(--faint)}.pager .gap{border:0}
.inline-form{display:flex;gap:var(--s2);align-items:center;flex-wrap:wrap}
.inline-form select{width:auto}
.avatar-field{display:flex;gap:var(--s4);align-items:flex-end}.avatar-field .grow{flex:1}
img.avatar{border-radius:50%;object-fit:cover}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:var(--s4);padding:0;list-style:none}
.cards li{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius-lg);padding:var(--s4)}
.cards strong{display:block;font-size:2rem}
pre{white-space:pre-wrap;background:var(--surface);border:1px solid var(--line);padding:var(--s4);overflow:auto}
.chart{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius-lg);padding:var(--s4);margin-top:var(--s4)}
.media-grid li{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius-lg);padding:.4rem;font-size:.85rem}
.dropzone{border:2px dashed var(--line-strong);border-radius:var(--radius-lg);padding:var(--s4);background:var(--surface)}
.picker-item{background:var(--surface);border:1px solid var(--line);padding:.2rem;width:100%}
.serp{background:#fff;color:#202124;border:1px solid var(--line);border-radius:var(--radius-lg);padding:.8rem 1rem;max-width:40rem}
.menu-items li{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius);padding:.4rem .6rem;margin:.3rem 0}
/* The editor: a calm writing canvas in the reading typeface. */
.toolbar{display:flex;flex-wrap:wrap;gap:.25rem;padding:.35rem;border:1px solid var(--line);border-bottom:0;border-radius:var(--radius) var(--radius) 0 0;background:var(--surface);position:sticky;top:var(--top-h);z-index:5}
.toolbar .tool{background:var(--surface);color:var(--ink);border:1px solid transparent;padding:.3rem .55rem;font-size:.9rem;font-weight:500}
.editor-content{min-height:20rem;border:1px solid var(--line);border-radius:0 0 var(--radius) var(--radius);background:var(--surface);padding:1rem 1.25rem;font:19px/1.65 var(--serif);color:var(--ink)}
#title{font:700 1.75rem/1.25 var(--serif)}
#standfirst{font:1.15rem/1.5 var(--serif)}
@media (max-width:600px){#title{font-size:1.3rem}.editor-content{padding:.75rem;font-size:17px}}
@media (min-width:1180px){.editor-layout{display:grid;grid-template-columns:minmax(0,1fr) 21rem;gap:var(--s5);align-items:start}
 .settings-panel{position:sticky;top:calc(var(--top-h) + var(--s4));max-height:calc(100vh - var(--top-h) - 2rem);overflow-y:auto;padding-right:var(--s1)}}
.editor-layout .canvas{display:grid;gap:var(--s4)}
.settings-panel{display:grid;gap:var(--s4)}
.panel-publish{background:var(--surface);border:1px solid var(--line);border-radius:var(--radius-lg);padding:var(--s4);display:grid;gap:var(--s3)}
.settings-panel .two{grid-template-columns:1fr}
/* Toasts. */
.toasts{position:fixed;right:var(--s4);bottom:var(--s4);display:grid;gap:var(--s2);z-index:60}
.toast{background:var(--accent);color:var(--accent-ink);padding:.65rem 1rem;border-radius:var(--radius);box-shadow:var(--shadow);font-weight:600;max-width:24rem}
dialog.publish-dialog{max-width:34rem;border:1px solid var(--line);border-radius:var(--radius-lg);background:var(--raised);color:var(--ink);padding:var(--s5);box-shadow:var(--shadow)}
dialog.publish-dialog h2{margin-top:0}
.publish-confirm{border:1px solid var(--line);border-radius:var(--radius-lg);background:var(--sunken);padding:var(--s3) var(--s4)}
.publish-confirm ul{margin:var(--s1) 0 0;padding-left:1.2rem}
form.stack{display:grid;gap:.9rem}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0 0}
#import-progress{display:block;width:100%;max-width:40rem;height:1.1rem;accent-color:var(--link)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:1rem;padding:0;list-style:none}
.cards strong{display:block;font-size:2rem}
textarea.short{min-height:4.5rem;font-family:inherit;font-size:1rem}
select[multiple]{min-height:5rem}
legend{font-weight:700;padding:0 .3rem}
.two{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.three{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr))}
.check{display:flex;gap:.5rem;align-items:center}.check label{margin:0;font-weight:400}
.toolbar .tool[aria-pressed=true]{background:#e8f0fe;border-color:var(--accent)}
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
.spaced{margin-top:2rem}.spaced-sm{margin-top:1rem}img.fluid{max-width:100%;height:auto}
.depth-0{padding-left:.5rem}.depth-1{padding-left:2rem}.depth-2{padding-left:3.5rem}.depth-3{padding-left:5rem}.depth-4{padding-left:6.5rem}.depth-5{padding-left:8rem}
.ProseMirror{position:relative;white-space:pre-wrap;word-wrap:break-word;font-variant-ligatures:none;font-feature-settings:"liga" 0}
.ProseMirror [contenteditable="false"]{white-space:normal}.ProseMirror [contenteditable="false"] [contenteditable="true"]{white-space:pre-wrap}
.ProseMirror pre{white-space:pre-wrap}img.ProseMirror-separator{display:inline!important;border:none!important;margin:0!important;width:0!important;height:0!important}
.ProseMirror-gapcursor{display:none;pointer-events:none;position:absolute;margin:0}.ProseMirror-gapcursor:after{content:"";display:block;position:absolute;top:-2px;width:20px;border-top:1px solid black;animation:ProseMirror-cursor-blink 1.1s steps(2,start) infinite}
@keyframes ProseMirror-cursor-blink{to{visibility:hidden}}.ProseMirror-hideselection *::selection{background:transparent}.ProseMirror-hideselection{caret-color:transparent}.ProseMirror-focused .ProseMirror-gapcursor{display:block}
.editor-content .ProseMirror-selectednode{outline:3px solid #8ab4f8}
.restore p{margin:0 0 .5rem}
.counter.over{color:var(--bad)}
.serp p{margin:0}.serp-label{font-size:.8rem;color:var(--muted)}.serp-url{font-size:.85rem;color:#202124}
.serp-title{color:#1a0dab;font-size:1.2rem}.serp-desc{color:#4d5156;font-size:.9rem}
.featured-preview{max-width:16rem;display:block;margin-top:.5rem}
dialog.picker{width:min(60rem,95vw);max-height:90vh;border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem}
dialog::backdrop{background:rgba(0,0,0,.4)}
.picker-bar{display:grid;gap:.4rem}
.picker-grid,.media-grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(8rem,1fr));gap:.6rem}
.picker-item img,.media-grid img{width:100%;height:7rem;object-fit:cover;display:block}
.picker-chosen{max-width:12rem}
.diff td,.diff th{width:33%}.diff-text{white-space:pre-wrap}
del{background:#fdd;color:#8a1f11}ins{background:#dfd;color:#14532d;text-decoration:underline}
.dropzone.over{border-color:var(--accent);background:#e8f0fe}
.dashboard{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
.card h2{font-size:1.1rem;margin:0 0 .5rem}.card ul{margin:0;padding-left:1.1rem}
form.inline{display:inline}button.small,.button.small{padding:.15rem .45rem;font-size:.85rem}
.menu-items li[draggable=true]{cursor:grab}.menu-items li.dragging{opacity:.5}
`

/** The stylesheet's bytes, content hash and compressed forms, made once when the module loads. */
export const ADMIN_CSS_ASSET = (() => {
  const body = Buffer.from(ADMIN_CSS)
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
  return {
    body,
    hash,
    br: zlib.brotliCompressSync(body),
    gzip: zlib.gzipSync(body, { level: 9 }),
  }
})()

/** Where pages link the stylesheet: the hash changes with the content, so it can be kept long. */
export const ADMIN_CSS_HREF = `/admin/admin.css?v=${ADMIN_CSS_ASSET.hash}`
