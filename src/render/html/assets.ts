// The HTML report's inline style and script. Both are constants: the page's Content Security
// Policy allows exactly these two by their SHA-256 hashes and nothing else (no network, no
// other script, no inline event handlers).
import { sha256Base64 } from './sha256.js';

export const STYLE = `
:root{color-scheme:light;--fg:#1c1e21;--muted:#5b616b;--line:#d8dce2;--panel:#f6f8fa;--focus:#0b57d0;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
body{margin:0 auto;padding:1rem 1.5rem 3rem;max-width:110rem}
h1{font-size:1.45rem;margin:.2rem 0 .4rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}h3{font-size:1rem;margin:.2rem 0}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:.9rem 0 .25rem}
code{font:.85em/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 .2em;border-radius:3px}
a{color:#0a58ca}small,.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{font-size:.8rem;color:var(--muted);font-weight:600}
.v-conflict{--c:#b3261e;--bg:rgba(214,48,49,.2);--bg2:rgba(214,48,49,.42)}
.v-compatible{--c:#9a6700;--bg:rgba(230,170,0,.24);--bg2:rgba(230,170,0,.5)}
.v-agree{--c:#1a7f37;--bg:rgba(46,160,67,.18);--bg2:rgba(46,160,67,.4)}
.v-single-source{--c:#57606a;--bg:rgba(110,119,129,.14);--bg2:rgba(110,119,129,.34)}
.badge{display:inline-block;font-size:.75rem;font-weight:600;line-height:1.5;padding:0 .45em;border-radius:1em;color:var(--c);background:var(--bg);border:1px solid var(--c);white-space:nowrap}
.summary{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.3rem 0 .8rem}
.chip{font:inherit;font-size:.85rem;cursor:pointer;padding:.1rem .7rem;border-radius:1em;border:1px solid var(--c);background:var(--bg);color:var(--fg)}
.chip[aria-pressed=false]{background:#fff;color:var(--muted);text-decoration:line-through}
.legend{font-size:.85rem;color:var(--muted)}
.sources td,.sources th{font-size:.9rem}
.findings tr.row{cursor:pointer}.findings tr.row:hover{background:var(--panel)}
.findings tr.row.sel{background:#e8f0fe;box-shadow:inset 3px 0 0 var(--focus)}
.findings tr.row:focus-visible{outline:2px solid var(--focus);outline-offset:-2px}
.findings td.n{color:var(--muted);width:2rem}.findings td.kind{white-space:nowrap}
.findings td.expl{font-size:.88rem;color:#333}
.findings td.expl>div{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.hide-conflict .row.v-conflict,.hide-compatible .row.v-compatible,.hide-agree .row.v-agree,.hide-single-source .row.v-single-source{display:none}
.hide-conflict mark.c.v-conflict:not(.sel),.hide-compatible mark.c.v-compatible:not(.sel),.hide-agree mark.c.v-agree:not(.sel),.hide-single-source mark.c.v-single-source:not(.sel){background:none;border-bottom-color:transparent}
#reader{display:grid;grid-template-columns:minmax(17rem,25rem) minmax(0,1fr);gap:1rem;align-items:start;margin-top:1rem}
#details{position:sticky;top:0;max-height:100vh;overflow:auto;box-sizing:border-box;padding:.6rem .8rem;background:var(--panel);border:1px solid var(--line);border-radius:6px;font-size:.92rem}
.nav{display:flex;gap:.3rem;flex-wrap:wrap;margin-bottom:.4rem}
.nav button{font:inherit;font-size:.8rem;padding:.05rem .6rem;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
.js .detail{display:none}.js .detail.sel{display:block}.detail+.detail{border-top:1px solid var(--line);margin-top:.8rem;padding-top:.6rem}
.js .detail.sel+.detail{border-top:none}
.hint{color:var(--muted)}.js.has-sel .hint{display:none}
ul.claims{list-style:none;padding-left:0}ul.claims li{margin:.35rem 0}
.detail ul{margin:.2rem 0;padding-left:1.1rem}.detail li{margin:.2rem 0}
.diff{margin:.25rem 0;padding:.3rem .45rem;background:#fff;border:1px solid var(--line);border-radius:4px;line-height:1.6}
.diff del{background:#ffebe9;color:#82071e}.diff ins{background:#dafbe1;color:#116329;text-decoration:none;font-weight:600}
.reports{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
.report{border:1px solid var(--line);border-radius:6px;min-width:0}
.report>header{padding:.45rem .7rem;border-bottom:1px solid var(--line);background:var(--panel);border-radius:6px 6px 0 0}
.report .meta{margin:0;font-size:.85rem;color:var(--muted);overflow-wrap:anywhere}.report .title{margin:.15rem 0 0;font-weight:600}
.report .absent{display:none;margin:.2rem 0 0;font-size:.85rem;color:#9a6700}.report.absent .absent{display:block}
.text{position:relative;white-space:pre-wrap;overflow-wrap:anywhere;padding:.6rem .8rem;max-height:calc(100vh - 7rem);overflow:auto;font-size:.95rem;line-height:1.65}
.text:focus-visible{outline:2px solid var(--focus)}
.missing{padding:.6rem .8rem;color:var(--muted)}
mark.c{color:inherit;background:var(--bg);border-bottom:2px solid var(--c);cursor:pointer;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.c.v-compatible{border-bottom-style:dashed}mark.c.v-single-source{border-bottom-style:dotted}
.has-sel mark.c:not(.sel){background:none}
mark.c.sel{background:var(--bg2);outline:2px solid var(--focus);outline-offset:1px}
mark.c.flash{animation:flash 1.2s ease-out}
@keyframes flash{from{box-shadow:0 0 0 5px rgba(11,87,208,.55)}to{box-shadow:0 0 0 0 rgba(11,87,208,0)}}
span.copy{text-decoration:underline wavy #8250df;text-decoration-thickness:1px;text-underline-offset:4px}
.copy-key{text-decoration:underline wavy #8250df;text-underline-offset:4px}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #c8b6f0;color:#333}
@media (max-width:60rem){#reader{grid-template-columns:minmax(0,1fr)}#details{position:static;max-height:none}}
@media print{
:root{font-size:11pt}body{max-width:none;padding:0}
.chip,.nav,.hint{display:none!important}
#reader{display:block}#details{position:static;max-height:none;overflow:visible;border:none;background:none;padding:0}
.js .detail,.detail{display:block!important;break-inside:avoid}
.reports{display:block}.report{break-inside:auto;margin-bottom:1rem}
.text{max-height:none;overflow:visible}
.findings td.expl>div{display:block;-webkit-line-clamp:none;overflow:visible}
.has-sel mark.c:not(.sel){background:var(--bg)}mark.c.sel{outline:none;background:var(--bg)}
.findings tr.row.sel{background:none;box-shadow:none}.report.absent .absent{display:none}
a{color:inherit}
}
`;

export const SCRIPT = `
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var data = JSON.parse(doc.getElementById('corroborate-data').textContent);
  var count = data.findings.length;
  var current = -1;
  root.classList.add('js');
  function all(selector, scope) { return Array.prototype.slice.call((scope || doc).querySelectorAll(selector)); }
  function scrollWithin(box, el) {
    if (!box) return;
    box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 3);
  }
  function clear() {
    all('.sel').forEach(function (el) { el.classList.remove('sel'); });
    all('tr.row').forEach(function (el) { el.setAttribute('aria-selected', 'false'); });
    all('.report.absent').forEach(function (el) { el.classList.remove('absent'); });
    root.classList.remove('has-sel');
    current = -1;
  }
  function select(i, page) {
    if (!(i >= 0 && i < count)) return;
    clear();
    current = i;
    root.classList.add('has-sel');
    all('mark.c[data-f="' + i + '"]').forEach(function (m) { m.classList.add('sel'); });
    var row = doc.getElementById('row' + i);
    if (row) { row.classList.add('sel'); row.setAttribute('aria-selected', 'true'); }
    var detail = doc.getElementById('d' + i);
    if (detail) detail.classList.add('sel');
    var details = doc.getElementById('details');
    if (details) details.scrollTop = 0;
    all('.report').forEach(function (report) {
      var first = report.querySelector('mark.c.sel');
      if (first) scrollWithin(report.querySelector('.text'), first);
      else report.classList.add('absent');
    });
    if (page) {
      var reader = doc.getElementById('reader');
      if (reader) reader.scrollIntoView({ block: 'start' });
    }
    try { history.replaceState(null, '', '#finding=' + encodeURIComponent(data.findings[i].id)); } catch (e) { /* file: URLs in some browsers */ }
  }
  function visibleRows() { return all('tr.row').filter(function (r) { return r.offsetParent !== null; }); }
  function step(delta) {
    var rows = visibleRows();
    if (rows.length === 0) return;
    var at = rows.findIndex(function (r) { return Number(r.getAttribute('data-f')) === current; });
    var next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : (at + delta + rows.length) % rows.length;
    select(Number(rows[next].getAttribute('data-f')), false);
  }
  doc.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest) return;
    var link = target.closest('a.goto');
    if (link) {
      var el = doc.getElementById(link.getAttribute('data-goto'));
      if (el) {
        event.preventDefault();
        scrollWithin(el.closest('.text'), el);
        el.classList.remove('flash');
        void el.offsetWidth;
        el.classList.add('flash');
      }
      return;
    }
    var nav = target.closest('[data-nav]');
    if (nav) {
      var what = nav.getAttribute('data-nav');
      if (what === 'prev') step(-1);
      else if (what === 'next') step(1);
      else if (what === 'table') { var t = doc.getElementById('findings'); if (t) t.scrollIntoView({ block: 'start' }); }
      else if (what === 'clear') { clear(); try { history.replaceState(null, '', '#'); } catch (e) { /* ignore */ } }
      return;
    }
    var chip = target.closest('[data-filter]');
    if (chip) {
      var on = chip.getAttribute('aria-pressed') !== 'false';
      chip.setAttribute('aria-pressed', on ? 'false' : 'true');
      root.classList.toggle('hide-' + chip.getAttribute('data-filter'), on);
      return;
    }
    var row = target.closest('tr.row');
    if (row) { select(Number(row.getAttribute('data-f')), true); return; }
    var mark = target.closest('mark.c');
    if (mark) {
      var chain = [];
      for (var m = mark; m; m = m.parentElement ? m.parentElement.closest('mark.c') : null) {
        var f = Number(m.getAttribute('data-f'));
        if (chain.indexOf(f) < 0) chain.push(f);
      }
      var k = chain.indexOf(current);
      select(k >= 0 ? chain[(k + 1) % chain.length] : chain[0], false);
    }
  });
  doc.addEventListener('keydown', function (event) {
    var target = event.target;
    var row = target && target.closest ? target.closest('tr.row') : null;
    if (row && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select(Number(row.getAttribute('data-f')), true);
    } else if (row && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      var rows = visibleRows();
      var next = rows[rows.indexOf(row) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
    } else if (event.key === 'Escape') {
      clear();
    }
  });
  var hash = /^#finding=(.+)$/.exec(location.hash);
  if (hash) {
    var id = decodeURIComponent(hash[1]);
    for (var i = 0; i < count; i++) if (data.findings[i].id === id) select(i, true);
  }
})();
`;

let policy: string | undefined;

/** The page's Content Security Policy: nothing may load; only the two constants above run. */
export function contentSecurityPolicy(): string {
  policy ??= [
    "default-src 'none'",
    `style-src 'sha256-${sha256Base64(STYLE)}'`,
    `script-src 'sha256-${sha256Base64(SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return policy;
}
