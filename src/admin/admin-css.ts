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
`
