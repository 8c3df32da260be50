// news-dedup report: search, filter, sort and paging of the cluster list. Untrusted text is only
// ever set with textContent; links are built only to the report's own pages and http(s) URLs.
(function () {
  'use strict';
  var body = document.body;
  window.addEventListener('error', function (e) {
    body.setAttribute('data-status', 'error: ' + (e && e.message ? e.message : 'script error'));
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function bdi(text) { return el('bdi', null, text); }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function cell(tr, cls, child) {
    var td = el('td', cls);
    if (child !== undefined && child !== null) {
      if (typeof child === 'object') { td.appendChild(child); } else { td.textContent = String(child); }
    }
    tr.appendChild(td);
    return td;
  }
  var PAGE = /^clusters\/[0-9]{4,7}\.html$/;
  var WEB = /^https?:\/\/[^\s"'<>`]+$/i;

  // Row fields, as written by the report: see IndexPage.clusterData.
  var RANK = 0, ID = 1, SIZE = 2, CANON = 3, SOURCE = 4, TITLE = 5, PUBLISHED = 6, REASON = 7,
      MINJ = 8, MINC = 9, NSOURCES = 10, PAGEURL = 11, URL = 12, SOURCES = 13;

  function clusterList(data) {
    var rows = data.rows;
    var q = document.getElementById('q');
    var minSize = document.getElementById('min-size');
    var sort = document.getElementById('sort');
    var perPage = document.getElementById('per-page');
    var tbody = document.getElementById('cluster-rows');
    var info = document.getElementById('list-count');
    var pageInfo = document.getElementById('page-info');
    var prev = document.getElementById('prev');
    var next = document.getElementById('next');
    var hay = rows.map(function (r) {
      return [r[ID], r[CANON], r[SOURCE], r[TITLE], r[SOURCES]].join('\u0000').toLowerCase();
    });
    var page = 0;
    var shown = [];

    function compare(kind) {
      if (kind === 'new' || kind === 'old') {
        var sign = kind === 'new' ? -1 : 1;
        return function (a, b) {
          var x = rows[a][PUBLISHED] || '', y = rows[b][PUBLISHED] || '';
          if (!x !== !y) { return x ? -1 : 1; }
          return x === y ? a - b : (x < y ? -sign : sign);
        };
      }
      if (kind === 'sim') {
        return function (a, b) {
          var x = rows[a][MINJ], y = rows[b][MINJ];
          if ((x === null) !== (y === null)) { return x === null ? 1 : -1; }
          return x === y ? a - b : x - y;
        };
      }
      return function (a, b) { return a - b; };
    }

    function filter() {
      var terms = q.value.toLowerCase().split(/\s+/).filter(function (t) { return t; });
      var min = parseInt(minSize.value, 10);
      if (!(min > 0)) { min = 1; }
      shown = [];
      for (var i = 0; i < rows.length; i++) {
        if (rows[i][SIZE] < min) { continue; }
        var ok = true;
        for (var t = 0; t < terms.length && ok; t++) { ok = hay[i].indexOf(terms[t]) >= 0; }
        if (ok) { shown.push(i); }
      }
      shown.sort(compare(sort.value));
      page = 0;
      render();
    }

    function render() {
      var size = parseInt(perPage.value, 10) || 50;
      var pages = Math.max(1, Math.ceil(shown.length / size));
      if (page >= pages) { page = pages - 1; }
      var from = page * size, to = Math.min(shown.length, from + size);
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      for (var i = from; i < to; i++) {
        var r = rows[shown[i]];
        var tr = el('tr');
        cell(tr, 'n', r[RANK]);
        cell(tr, 'n', fmt(r[SIZE]));
        var title = cell(tr, 't');
        var label = bdi(r[TITLE] || '(no title)');
        if (r[PAGEURL] && PAGE.test(r[PAGEURL])) {
          var a = el('a'); a.href = r[PAGEURL]; a.appendChild(label); title.appendChild(a);
        } else {
          title.appendChild(label);
        }
        if (r[URL] && WEB.test(r[URL])) {
          var ext = el('a', 'muted', ' ↗');
          ext.href = r[URL]; ext.rel = 'noopener noreferrer nofollow'; ext.target = '_blank';
          ext.title = 'original article';
          title.appendChild(ext);
        }
        cell(tr, null, bdi(r[SOURCE]));
        cell(tr, 'n', r[PUBLISHED] ? r[PUBLISHED].replace('T', ' ').substring(0, 16) : '—');
        cell(tr, null, r[REASON] || '');
        cell(tr, 'n', r[MINJ] === null ? '—' : r[MINJ].toFixed(2));
        cell(tr, 'n', r[MINC] === null ? '—' : r[MINC].toFixed(2));
        cell(tr, 'n', fmt(r[NSOURCES]));
        cell(tr, 'id', bdi(r[ID]));
        tbody.appendChild(tr);
      }
      info.textContent = shown.length === rows.length
        ? 'All ' + fmt(rows.length) + ' listed clusters.'
        : fmt(shown.length) + ' of ' + fmt(rows.length) + ' listed clusters match.';
      pageInfo.textContent = shown.length
        ? 'rows ' + fmt(from + 1) + '–' + fmt(to) + ' · page ' + fmt(page + 1) + ' of ' + fmt(pages)
        : 'no match';
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    q.addEventListener('input', filter);
    minSize.addEventListener('input', filter);
    sort.addEventListener('change', filter);
    perPage.addEventListener('change', function () { page = 0; render(); });
    prev.addEventListener('click', function () { page--; render(); });
    next.addEventListener('click', function () { page++; render(); });
    document.getElementById('cluster-controls').hidden = false;
    // index.html?q=words&min=3&sort=new pre-fills the filters (bookmarkable).
    var params = new URLSearchParams(window.location.search);
    if (params.has('q')) { q.value = params.get('q'); }
    if (params.has('min')) { minSize.value = params.get('min'); }
    if (params.has('sort') && /^(size|new|old|sim)$/.test(params.get('sort'))) {
      sort.value = params.get('sort');
    }
    filter();
  }

  try {
    var data = document.getElementById('cluster-data');
    if (data) { clusterList(JSON.parse(data.textContent)); }
    body.setAttribute('data-status', 'ok');
  } catch (e) {
    body.setAttribute('data-status', 'error: ' + (e && e.message ? e.message : String(e)));
    throw e;
  }
})();
