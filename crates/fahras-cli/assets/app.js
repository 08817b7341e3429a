// fahras serve — the browser front end: search, facets, timeline, article view.
//
// Rules this file keeps:
// * Every archive string (titles, texts, snippets, entities, facet values, sources,
//   urls) is untrusted: it enters the page only through textContent, text nodes
//   and setAttribute. No innerHTML anywhere.
// * The whole state lives in the URL (history.pushState); loading a URL restores it.
// * Offsets from the API count Unicode code points (Python str indices), not UTF-16
//   units, so texts are sliced as Array.from(text).
'use strict';

const LIMIT = 10;
const SNIPPETS = 2;
const FACETS = ['org', 'branch', 'person', 'place', 'kind', 'year'];
const LIST_PARAMS = ['kind', 'org', 'branch', 'person', 'role', 'place'];
const TYPES = ['article', 'directive', 'all'];
const ENT_ORDER = ['ORG', 'BRANCH', 'PERSON', 'ROLE', 'LOC', 'DATE', 'DIRECTIVE', 'MEETING'];
const LANG_KEY = 'fahras.lang';

const I18N = {
  ar: {
    page_title: 'فهرس — أرشيف الأخبار', brand: 'فهرس', tagline: 'البحث في أرشيف الأخبار',
    lang_toggle: 'English', skip: 'تخطَّ إلى النتائج', q_label: 'الاستعلام',
    q_placeholder: 'ابحث في الأرشيف: كلمات، عبارات بين علامتي تنصيص، حقول…',
    search: 'بحث', type: 'نوع الوثيقة', type_article: 'مقالات',
    type_directive: 'توجيهات وقرارات', type_all: 'الكل', from: 'من', to: 'إلى',
    syntax: 'صيغة البحث', syn_words: 'كلمات وعبارات بين علامتي تنصيص',
    syn_bool: 'أو، وليس (أو ‎-كلمة)',
    syn_field: 'حقل: title, body, org, branch, person, role, place, kind, source',
    syn_date: 'مدة زمنية (أو date:2020)', facets: 'تصفية النتائج', export: 'تصدير:',
    timeline: 'المقالات المطابقة حسب الشهر', prev: 'السابق', next: 'التالي', paging: 'الصفحات',
    back: '→ العودة إلى النتائج', original: 'المصدر الأصلي ↗', legend: 'الكيانات',
    officials: 'المسؤولون', directives: 'التوجيهات', meetings: 'الاجتماعات',
    credits: 'فهرس · تحليل النصوص العربية',
    results: (n) => `${n} نتيجة`, range: (a, b, n) => `${a}–${b} من ${n}`,
    stats: (d, r) => `${d} وثيقة · ${r} توجيهاً في الفهرس`,
    relations: (n) => `العلاقات بين الكيانات: ${n}`,
    no_results: 'لا نتائج. جرّب كلمات أخرى أو أزل بعض عوامل التصفية.',
    no_dates: 'لا تواريخ نشر للنتائج.', none: 'لا يوجد.', untitled: '(بلا عنوان)',
    net_error: 'تعذّر الاتصال بالخادم.', loading: 'جارٍ التحميل…', remove: 'إزالة',
    month_count: (m, n) => `${m}: ${n} مقالاً`, show_month: 'اضغط لحصر البحث في هذا الشهر',
    facet_org: 'المنظمة', facet_branch: 'الفرع', facet_person: 'الشخص', facet_place: 'المكان',
    facet_kind: 'النوع', facet_year: 'السنة', facet_role: 'المنصب',
    directive_badge: 'توجيه', person: 'الشخص', role: 'المنصب', org: 'المنظمة',
    branch: 'الفرع', place: 'المكان', kind: 'النوع', actor: 'الجهة', addressee: 'المخاطَب',
    content: 'المضمون', deadline: 'المهلة', date: 'التاريخ', text: 'النص', details: 'التفاصيل',
    kind_decision: 'قرار', kind_directive: 'توجيه', kind_call: 'دعوة',
    kind_recommendation: 'توصية', kind_emphasis: 'تأكيد',
    ent_ORG: 'منظمة', ent_BRANCH: 'فرع', ent_PERSON: 'شخص', ent_ROLE: 'منصب', ent_LOC: 'مكان',
    ent_DATE: 'تاريخ', ent_DIRECTIVE: 'توجيه', ent_MEETING: 'اجتماع',
  },
  en: {
    page_title: 'fahras — news archive', brand: 'fahras', tagline: 'Search the news archive',
    lang_toggle: 'العربية', skip: 'Skip to results', q_label: 'Query',
    q_placeholder: 'words, "phrases", OR, NOT, person:"…", date:[… TO …]',
    search: 'Search', type: 'Document type', type_article: 'Articles',
    type_directive: 'Directives & decisions', type_all: 'All', from: 'From', to: 'To',
    syntax: 'Query syntax', syn_words: 'words and "quoted phrases"',
    syn_bool: 'or, not (or -word)',
    syn_field: 'field: title, body, org, branch, person, role, place, kind, source',
    syn_date: 'a period (or date:2020)', facets: 'Filter results', export: 'Export:',
    timeline: 'Matching articles per month', prev: 'Previous', next: 'Next', paging: 'Pages',
    back: '← Back to results', original: 'Original source ↗', legend: 'Entities',
    officials: 'Officials', directives: 'Directives', meetings: 'Meetings',
    credits: 'fahras · Arabic text analytics',
    results: (n) => `${n} ${n === 1 ? 'result' : 'results'}`,
    range: (a, b, n) => `${a}–${b} of ${n}`,
    stats: (d, r) => `${d} documents · ${r} directives indexed`,
    relations: (n) => `Relations between entities: ${n}`,
    no_results: 'No results. Try other words or remove some filters.',
    no_dates: 'No publication dates in these results.', none: 'None.', untitled: '(untitled)',
    net_error: 'Could not reach the server.', loading: 'Loading…', remove: 'Remove',
    month_count: (m, n) => `${m}: ${n} articles`, show_month: 'Click to limit the search to this month',
    facet_org: 'Organization', facet_branch: 'Branch', facet_person: 'Person', facet_place: 'Place',
    facet_kind: 'Kind', facet_year: 'Year', facet_role: 'Role',
    directive_badge: 'Directive', person: 'Person', role: 'Role', org: 'Organization',
    branch: 'Branch', place: 'Place', kind: 'Kind', actor: 'Actor', addressee: 'Addressee',
    content: 'Content', deadline: 'Deadline', date: 'Date', text: 'Text', details: 'Details',
    kind_decision: 'decision', kind_directive: 'directive', kind_call: 'call',
    kind_recommendation: 'recommendation', kind_emphasis: 'emphasis',
    ent_ORG: 'organization', ent_BRANCH: 'branch', ent_PERSON: 'person', ent_ROLE: 'role',
    ent_LOC: 'place', ent_DATE: 'date', ent_DIRECTIVE: 'directive', ent_MEETING: 'meeting',
  },
};

// ---------- small helpers ----------

const $ = (id) => document.getElementById(id);

let state = null;
// One-entry caches, so that going back from an article or switching the interface
// language re-renders without asking the server again.
let searchCache = { url: '', data: null };
let docCache = { id: '', data: null };
let seq = 0; // generation counter: a response older than the latest request is dropped
let inflight = null;
let statsData = null; // /api/stats, fetched once
const hiddenKinds = new Set(); // entity kinds switched off in the legend

function t(key, ...args) {
  const dict = I18N[state ? state.lang : 'ar'];
  const v = key in dict ? dict[key] : I18N.ar[key];
  if (typeof v === 'function') return v(...args);
  return v === undefined ? key : v;
}

// Creates an element. Attribute values and children strings are always set as
// attributes / text nodes, never parsed as HTML.
function el(tag, attrs, ...children) {
  const e = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
  add(e, children);
  return e;
}

function add(parent, c) {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) c.forEach((x) => add(parent, x));
  else parent.append(c instanceof Node ? c : String(c)); // append(string) makes a text node
}

const str = (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const kindClass = (k) => String(k).replace(/[^A-Za-z0-9_-]/g, '');
const kindLabel = (k) => (I18N.ar[`kind_${k}`] ? t(`kind_${k}`) : str(k));
const facetValueLabel = (facet, v) => (facet === 'kind' ? kindLabel(v) : v);

// Only absolute http(s) addresses become links (no javascript:, data:, relative…).
function safeUrl(u) {
  if (typeof u !== 'string') return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (_) {
    return null;
  }
}

function storedLang() {
  try { return localStorage.getItem(LANG_KEY); } catch (_) { return null; }
}
function storeLang(l) {
  try { localStorage.setItem(LANG_KEY, l); } catch (_) { /* private mode: the URL still has it */ }
}

// ---------- state <-> URL ----------

function emptyState() {
  const s = { q: '', type: 'article', year: '', from: '', to: '', offset: 0, doc: '', lang: 'ar' };
  for (const k of LIST_PARAMS) s[k] = [];
  return s;
}

function readState(search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.q = p.get('q') || '';
  if (TYPES.includes(p.get('type'))) s.type = p.get('type');
  for (const k of LIST_PARAMS) s[k] = [...new Set(p.getAll(k).filter(Boolean))];
  s.year = p.get('year') || '';
  s.from = p.get('from') || '';
  s.to = p.get('to') || '';
  s.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  s.doc = p.get('doc') || '';
  const lang = p.get('lang') || storedLang();
  s.lang = lang === 'en' ? 'en' : 'ar';
  return s;
}

const clone = (s) => JSON.parse(JSON.stringify(s));

// what: 'url' (the page address), 'api' (search filters) or 'export'.
function params(s, what) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (what !== 'url' || s.type !== 'article') p.set('type', s.type);
  for (const k of LIST_PARAMS) for (const v of s[k]) p.append(k, v);
  for (const k of ['year', 'from', 'to']) if (s[k]) p.set(k, s[k]);
  if (what === 'url') {
    if (s.offset) p.set('offset', String(s.offset));
    if (s.doc) p.set('doc', s.doc);
    if (s.lang === 'en') p.set('lang', 'en');
  }
  return p;
}

// Links are relative ("?q=…&doc=…"): the page is served at "/".
function href(s) {
  const qs = params(s, 'url').toString();
  return qs ? `?${qs}` : location.pathname;
}

// Every state change goes through here: new history entry, then render.
function navigate(next, { replace = false } = {}) {
  state = next;
  const url = href(state);
  const same = new URL(url, location.href).href === location.href;
  history[replace || same ? 'replaceState' : 'pushState'](null, '', url);
  render();
}

function change(mutate) {
  const s = clone(state);
  s.offset = 0;
  s.doc = '';
  mutate(s);
  navigate(s);
}

// ---------- fetching ----------

async function getJSON(url) {
  if (inflight) inflight.abort();
  inflight = new AbortController();
  let res;
  try {
    res = await fetch(url, { signal: inflight.signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Error(t('net_error'));
  }
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' ? body.error : `HTTP ${res.status} ${res.statusText}`;
    throw new Error(msg);
  }
  if (body === null) throw new Error(`${t('net_error')} (${url})`);
  return body;
}

function showError(msg) {
  const box = $('error');
  box.textContent = msg || '';
  box.hidden = !msg;
}

// ---------- rendering: chrome ----------

function applyLang() {
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === 'en' ? 'ltr' : 'rtl';
  document.title = state.q ? `${state.q} · ${t('page_title')}` : t('page_title');
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
  const btn = $('lang-toggle');
  btn.textContent = t('lang_toggle');
  btn.lang = state.lang === 'en' ? 'ar' : 'en';
}

function syncForm() {
  $('q').value = state.q;
  $('type').value = state.type;
  $('from').value = state.from;
  $('to').value = state.to;
}

function renderChips() {
  const box = $('active-filters');
  const chips = [];
  const chip = (facet, value) => el('button', {
    type: 'button', class: 'chip', 'data-facet': facet, 'data-value': value,
    title: t('remove'), 'aria-label': `${t('remove')}: ${t(`facet_${facet}`)} ${value}`,
  }, el('span', { class: 'chip-facet' }, `${t(`facet_${facet}`)}: `),
  el('bdi', null, facetValueLabel(facet, value)), ' ×');
  for (const k of LIST_PARAMS) for (const v of state[k]) chips.push(chip(k, v));
  if (state.year) chips.push(chip('year', state.year));
  box.replaceChildren(...chips);
}

function updateExports() {
  const qs = params(state, 'export').toString();
  $('export-csv').href = `/api/export.csv?${qs}`;
  $('export-jsonl').href = `/api/export.jsonl?${qs}`;
}

function loadStats() {
  fetch('/api/stats', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((s) => { if (s) { statsData = s; renderStats(); } })
    .catch(() => {});
}
function renderStats() {
  if (statsData) $('stats').textContent = t('stats', statsData.documents ?? 0, statsData.directives ?? 0);
}

// ---------- rendering: the search view ----------

async function render() {
  applyLang();
  syncForm();
  renderChips();
  updateExports();
  renderStats();
  const my = ++seq;
  const inDoc = Boolean(state.doc);
  $('search-view').hidden = inDoc;
  $('doc-view').hidden = !inDoc;
  document.body.classList.add('busy');
  try {
    if (inDoc) await loadDoc(my);
    else await loadSearch(my);
  } catch (e) {
    if (e.name === 'AbortError' || my !== seq) return;
    showError(e.message);
    if (inDoc) clearDoc(); else clearSearch();
  } finally {
    if (my === seq) document.body.classList.remove('busy');
  }
}

async function loadSearch(my) {
  const p = params(state, 'api');
  p.set('limit', String(LIMIT));
  p.set('offset', String(state.offset));
  p.set('snippets', String(SNIPPETS));
  for (const f of FACETS) p.append('facet', f);
  p.set('timeline', '1');
  const url = `/api/search?${p}`;
  const data = searchCache.url === url ? searchCache.data : await getJSON(url);
  if (my !== seq) return;
  searchCache = { url, data };
  showError('');
  $('search-view').classList.remove('no-data');
  const total = Number(data.total) || 0;
  const hits = Array.isArray(data.hits) ? data.hits : [];
  $('summary').textContent = t('results', total);
  renderFacets(data.facets || {}); // before the timeline, which measures its box
  renderTimeline(Array.isArray(data.timeline) ? data.timeline : []);
  $('results').replaceChildren(...(hits.length ? hits.map(card) : [el('p', { class: 'empty' }, t('no_results'))]));
  renderPager(total, hits.length);
}

function clearSearch() {
  searchCache = { url: '', data: null };
  $('search-view').classList.add('no-data');
  $('summary').textContent = '';
  $('timeline').replaceChildren();
  $('facets').replaceChildren();
  $('results').replaceChildren();
  renderPager(0, 0);
}

function renderPager(total, shown) {
  $('prev').disabled = state.offset <= 0;
  $('next').disabled = state.offset + LIMIT >= total;
  $('page-info').textContent = shown ? t('range', state.offset + 1, state.offset + shown, total) : '';
}

function renderFacets(facets) {
  const blocks = FACETS.map((name) => {
    const values = Array.isArray(facets[name]) ? facets[name] : [];
    const active = name === 'year' ? [state.year] : state[name];
    const items = values.map((fv) => {
      const v = str(fv.value);
      return el('li', null, el('button', {
        type: 'button', class: 'facet-value', 'data-facet': name, 'data-value': v,
        'aria-pressed': active.includes(v) ? 'true' : 'false',
      }, el('bdi', { class: 'v' }, facetValueLabel(name, v)), ' ', el('span', { class: 'count' }, str(fv.count))));
    });
    if (!items.length) items.push(el('li', { class: 'muted' }, '—'));
    return el('section', { class: 'facet', 'data-facet': name },
      el('h2', { class: 'facet-title' }, t(`facet_${name}`)), el('ul', { class: 'facet-list' }, items));
  });
  $('facets').replaceChildren(...blocks);
}

// One card per hit. A directive hit links to (and is shown with) its article.
function card(hit) {
  const isDirective = hit.doc_type === 'directive';
  const target = isDirective ? hit.article || String(hit.id).split('#')[0] : hit.id;
  const link = el('a', { class: 'open-doc', href: href({ ...state, doc: str(target) }), 'data-nav': true, dir: 'auto' },
    hit.title || t('untitled'));
  const meta = el('p', { class: 'card-meta' },
    hit.published ? el('span', { class: 'card-date' }, str(hit.published)) : null,
    hit.source ? el('span', { class: 'card-source', dir: 'auto' }, str(hit.source)) : null,
    isDirective ? el('span', { class: 'badge badge-directive' }, t('directive_badge')) : null);
  const snippets = (hit.snippets || []).map((s) => el('p', { class: 'snippet', dir: 'auto' }, snippet(s)));
  const meetings = (hit.entities || []).filter((e) => e && e.kind === 'MEETING');
  return el('article', { class: `card card-${kindClass(hit.doc_type || 'article')}`, 'data-id': str(hit.id) },
    el('h2', { class: 'card-title' }, link), meta, snippets,
    list('officials', hit.officials, officialItem),
    list('directives', hit.directives, directiveItem),
    list('meetings', meetings, meetingItem));
}

function list(name, rows, item) {
  if (!Array.isArray(rows) || !rows.length) return null;
  return el('div', { class: `card-section ${name}-box` },
    el('h3', null, t(name)), el('ul', { class: name }, rows.map((r) => el('li', { dir: 'auto' }, item(r)))));
}

// person — role — branch or org. Items are dir="auto": their direction comes from
// the archive text, since dir="auto" skips <bdi> (the UI labels) when deciding.
function officialItem(o) {
  const parts = [o.person, o.role, o.branch || o.org].filter((x) => x);
  return parts.map(str).join(' — ');
}

function directiveItem(d) {
  return [
    el('bdi', { class: `d-kind badge kind-${kindClass(d.kind)}` }, kindLabel(d.kind)), ' ',
    d.actor ? el('span', { class: 'd-actor' }, str(d.actor)) : null,
    d.addressee ? [' ← ', el('span', { class: 'd-addressee' }, str(d.addressee))] : null,
    d.content ? [': ', el('span', { class: 'd-content' }, str(d.content))] : null,
    d.deadline ? [' ', el('bdi', { class: 'd-deadline' }, `(${t('deadline')}: ${str(d.deadline)})`)] : null,
  ];
}

function meetingItem(m) {
  return [el('span', { class: 'm-text' }, str(m.text)), ' ', attrsList(m.attrs)];
}

function attrsList(attrs) {
  if (!attrs || typeof attrs !== 'object') return null;
  const entries = Object.entries(attrs).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && !v.length));
  if (!entries.length) return null;
  return el('bdi', { class: 'attrs' }, entries.map(([k, v]) =>
    el('span', { class: 'attr' }, el('span', { class: 'attr-key' }, `${k}: `), el('bdi', null, str(v)))));
}

// A passage with its matched words in <mark>. Highlight offsets point into the
// article, in code points; relative to the passage they are h.start - s.start.
function snippet(s) {
  const cps = Array.from(str(s.text));
  const base = Number(s.start) || 0;
  const out = [];
  if (base > 0) out.push('… ');
  let at = 0;
  const hs = (s.highlights || [])
    .map((h) => [Math.max(0, h.start - base), Math.min(cps.length, h.end - base)])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && a < b)
    .sort((x, y) => x[0] - y[0]);
  for (const [a, b] of hs) {
    if (a < at) continue; // overlapping highlight: keep the first
    if (a > at) out.push(cps.slice(at, a).join(''));
    out.push(el('mark', null, cps.slice(a, b).join('')));
    at = b;
  }
  if (at < cps.length) out.push(cps.slice(at).join(''));
  return out;
}

// ---------- the timeline ----------

function monthRange(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y += 1; }
  }
  return out;
}

function renderTimeline(rows) {
  const box = $('timeline');
  const good = rows.filter((r) => r && /^\d{4}-\d{2}$/.test(r.month)).sort((a, b) => (a.month < b.month ? -1 : 1));
  if (!good.length) {
    box.replaceChildren(el('p', { class: 'empty' }, t('no_dates')));
    return;
  }
  const counts = new Map(good.map((r) => [r.month, Number(r.count) || 0]));
  // Every month between the first and the last, so that gaps show as gaps.
  const months = monthRange(good[0].month, good[good.length - 1].month);
  const max = Math.max(...counts.values(), 1);
  // Drawn at the box's own width (1 unit = 1 px) so labels keep their size on phones.
  const W = Math.max(280, Math.round(box.clientWidth) || 800), H = 120, top = 14, bottom = 20, pad = 18;
  const step = Math.min(60, (W - 2 * pad) / months.length);
  const x0 = (W - step * months.length) / 2;
  const svg = el('svg:svg', {
    viewBox: `0 0 ${W} ${H + bottom}`, class: 'chart', role: 'img', direction: 'ltr',
    'aria-label': t('timeline'),
  });
  months.forEach((month, i) => {
    const n = counts.get(month) || 0;
    const x = x0 + i * step;
    const h = n ? Math.max(2, ((H - top) * n) / max) : 0;
    const g = el('svg:g', { class: n ? 'bar' : 'bar bar-empty', 'data-month': month });
    g.append(el('svg:title', null, `${t('month_count', month, n)}${n ? ` — ${t('show_month')}` : ''}`));
    // A transparent full-height rect makes thin bars easy to hover and click.
    g.append(el('svg:rect', { class: 'hit', x, y: 0, width: step, height: H }));
    if (n) {
      g.append(el('svg:rect', { class: 'fill', x: x + step * 0.12, y: H - h, width: step * 0.76, height: h }));
      if (months.length <= 24) g.append(el('svg:text', { class: 'n', x: x + step / 2, y: H - h - 3 }, String(n)));
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', t('month_count', month, n));
    }
    // Label every month when few, else each January (and the first bar).
    const [y, m] = month.split('-');
    const label = months.length <= 12 && step >= 34 ? `${m}/${y.slice(2)}`
      : (m === '01' || i === 0) && step * 12 >= 34 ? y : '';
    if (label) g.append(el('svg:text', { class: 'lbl', x: x + step / 2, y: H + 14 }, label));
    svg.append(g);
  });
  svg.append(el('svg:line', { class: 'axis', x1: 0, x2: W, y1: H, y2: H }));
  box.replaceChildren(svg);
}

function pickMonth(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  change((s) => {
    s.from = `${month}-01`;
    s.to = `${month}-${String(last).padStart(2, '0')}`;
  });
}

// ---------- the article view ----------

async function loadDoc(my) {
  const id = state.doc;
  $('back').href = href({ ...state, doc: '' });
  const data = docCache.id === id ? docCache.data : await getJSON(`/api/doc/${encodeURIComponent(id)}`);
  if (my !== seq) return;
  docCache = { id, data };
  showError('');
  renderDoc(data);
}

function clearDoc() {
  docCache = { id: '', data: null };
  for (const id of ['doc-title', 'doc-date', 'doc-source', 'doc-text', 'doc-officials', 'doc-directives', 'doc-meetings', 'doc-relations']) {
    $(id).replaceChildren();
  }
  $('doc-url').hidden = true;
  $('legend').replaceChildren(el('legend', null, t('legend')));
}

function renderDoc(d) {
  $('doc-title').textContent = d.title || t('untitled');
  $('doc-date').textContent = str(d.published);
  $('doc-source').textContent = str(d.source);
  const url = safeUrl(d.url);
  const a = $('doc-url');
  if (url) a.setAttribute('href', url); else a.removeAttribute('href');
  a.hidden = !url;
  const ents = (Array.isArray(d.entities) ? d.entities : []).filter((e) => e && typeof e.kind === 'string');
  renderLegend(d, ents);
  $('doc-text').replaceChildren(highlight(str(d.text), ents));
  $('doc-officials').replaceChildren(table(d.officials, ['person', 'role', 'org', 'branch', 'place']));
  $('doc-directives').replaceChildren(table(d.directives, ['kind', 'actor', 'addressee', 'content', 'deadline', 'date'],
    { kind: (r) => kindLabel(r.kind) }));
  $('doc-meetings').replaceChildren(table(ents.filter((e) => e.kind === 'MEETING'), ['text', 'details'],
    { details: (r) => attrsList(r.attrs) }));
  $('doc-relations').textContent = t('relations', Array.isArray(d.relations) ? d.relations.length : 0);
}

function renderLegend(d, ents) {
  const present = [...new Set(ents.map((e) => e.kind))]
    .sort((a, b) => ((ENT_ORDER.indexOf(a) + 99) % 99) - ((ENT_ORDER.indexOf(b) + 99) % 99) || (a < b ? -1 : 1));
  const items = present.map((k) => {
    const box = el('input', { type: 'checkbox', 'data-kind': k, checked: !hiddenKinds.has(k) });
    box.addEventListener('change', () => {
      if (box.checked) hiddenKinds.delete(k); else hiddenKinds.add(k);
      $('doc-text').replaceChildren(highlight(str(d.text), ents));
    });
    const name = I18N.ar[`ent_${k}`] ? t(`ent_${k}`) : k;
    return el('label', { class: 'legend-item' }, box,
      el('span', { class: `swatch ent ent-${kindClass(k)}`, 'data-kind': k }, k), ' ', name);
  });
  $('legend').replaceChildren(el('legend', null, t('legend')), ...items);
  $('legend').hidden = !items.length;
}

// The text with its entities marked. Entities nest and overlap, so the text is
// cut at every entity boundary; each piece gets the mark of the innermost
// (shortest) entity covering it, and a title naming every entity covering it.
function highlight(text, entities) {
  const cps = Array.from(text);
  const n = cps.length;
  const ents = entities
    .filter((e) => !hiddenKinds.has(e.kind) && Number.isInteger(e.start) && Number.isInteger(e.end))
    .map((e) => ({ e, start: Math.max(0, e.start), end: Math.min(n, e.end) }))
    .filter((x) => x.start < x.end)
    .sort((a, b) => a.start - b.start);
  const cuts = new Set([0, n]);
  for (const x of ents) { cuts.add(x.start); cuts.add(x.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  let active = [];
  let next = 0; // first entity of `ents` not yet active
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    active = active.filter((x) => x.end > a);
    while (next < ents.length && ents[next].start <= a) active.push(ents[next++]);
    const piece = cps.slice(a, b).join('');
    if (!active.length) { frag.append(piece); continue; }
    const cover = [...active].sort((x, y) => (x.end - x.start) - (y.end - y.start) || y.start - x.start);
    const inner = cover[0].e;
    const cls = ['ent', `ent-${kindClass(inner.kind)}`];
    if (cover.length > 1) cls.push('nested', `in-${kindClass(cover[1].e.kind)}`);
    frag.append(el('mark', {
      class: cls.join(' '), 'data-kind': inner.kind, 'data-kinds': cover.map((x) => x.e.kind).join(' '),
      title: cover.map((x) => `${x.e.kind}: ${str(x.e.value ?? x.e.text ?? cps.slice(x.start, x.end).join(''))}`).join('\n'),
    }, piece));
  }
  return frag;
}

function table(rows, cols, fmt = {}) {
  if (!Array.isArray(rows) || !rows.length) return el('p', { class: 'muted' }, t('none'));
  const head = el('tr', null, cols.map((c) => el('th', { scope: 'col' }, t(c))));
  const body = rows.map((r) => el('tr', null, cols.map((c) => {
    const v = fmt[c] ? fmt[c](r) : str(r[c]);
    return el('td', { dir: 'auto', class: `col-${c}` }, v === '' ? '—' : v);
  })));
  return el('div', { class: 'table-wrap' }, el('table', null, el('thead', null, head), el('tbody', null, body)));
}

// ---------- events ----------

function bind() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    change((s) => {
      s.q = $('q').value.trim();
      s.type = $('type').value;
      s.from = $('from').value;
      s.to = $('to').value;
    });
  });
  $('type').addEventListener('change', () => change((s) => { s.type = $('type').value; }));
  for (const id of ['from', 'to']) {
    $(id).addEventListener('change', () => change((s) => { s[id] = $(id).value; }));
  }
  $('prev').addEventListener('click', () => {
    const s = clone(state);
    s.offset = Math.max(0, s.offset - LIMIT);
    navigate(s);
  });
  $('next').addEventListener('click', () => {
    const s = clone(state);
    s.offset += LIMIT;
    navigate(s);
  });
  $('lang-toggle').addEventListener('click', () => {
    const s = clone(state);
    s.lang = s.lang === 'en' ? 'ar' : 'en';
    storeLang(s.lang);
    navigate(s);
  });

  document.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target) return;
    // Links inside the app (open an article, back to results): same page, new state.
    const a = target.closest('a[data-nav]');
    if (a && a.href && ev.button === 0 && !ev.metaKey && !ev.ctrlKey && !ev.shiftKey && !ev.altKey) {
      ev.preventDefault();
      const wasDoc = Boolean(state.doc);
      navigate(readState(new URL(a.href).search));
      if (!wasDoc && state.doc) window.scrollTo(0, 0);
      return;
    }
    const fv = target.closest('button.facet-value');
    if (fv) {
      const { facet, value } = fv.dataset;
      change((s) => {
        if (facet === 'year') s.year = value;
        else if (LIST_PARAMS.includes(facet) && !s[facet].includes(value)) s[facet].push(value);
        if (facet === 'kind' && s.type === 'article') s.type = 'directive';
      });
      return;
    }
    const chip = target.closest('button.chip');
    if (chip) {
      const { facet, value } = chip.dataset;
      change((s) => {
        if (facet === 'year') s.year = '';
        else if (LIST_PARAMS.includes(facet)) s[facet] = s[facet].filter((v) => v !== value);
      });
      return;
    }
    const bar = target.closest('#timeline g.bar:not(.bar-empty)');
    if (bar) pickMonth(bar.getAttribute('data-month'));
  });
  $('timeline').addEventListener('keydown', (ev) => {
    const bar = ev.target instanceof Element && ev.target.closest('g.bar:not(.bar-empty)');
    if (bar && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      pickMonth(bar.getAttribute('data-month'));
    }
  });

  window.addEventListener('popstate', () => {
    state = readState(location.search);
    render();
  });
}

function init() {
  bind();
  state = readState(location.search);
  // A language remembered from an earlier visit goes into the address too.
  navigate(state, { replace: true });
  loadStats();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
