// The service catalog page's behaviour: filter and sort the repository table, and filter it
// from the charts. Embedded in the page at build time; it reads the rows' data-* attributes
// and text, and never builds markup from them.
//
// Large portfolios: only the first PAGE matching rows are listed ("List more" adds more),
// and rows are moved or shown only when they are listed, so filtering and sorting ten
// thousand repositories stays quick.
(function () {
  'use strict';
  var PAGE = 100;  // keep in step with kFirstRows in render_html.cc
  var tbody = document.querySelector('#repos tbody');
  if (!tbody) return;
  var query = document.getElementById('q');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var shownEl = document.getElementById('shown');
  var listedEl = document.getElementById('listed');
  var listedNote = document.getElementById('listed-note');
  var noMatch = document.getElementById('no-match');
  var more = document.getElementById('more');
  var moreRow = document.getElementById('more-row');
  var sortSelect = document.getElementById('sort');
  var headers = Array.prototype.slice.call(document.querySelectorAll('#repos th[data-sort]'));
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  // One item per row, with what filtering and sorting read, taken once.
  var items = Array.prototype.map.call(tbody.rows, function (row, i) {
    var d = row.dataset;
    var desc = row.querySelector('.desc');
    return {
      row: row,
      index: i,
      data: d,
      tier: Number(d.tier) || 0,
      violations: Number(d.violations) || 0,
      warnings: Number(d.warnings) || 0,
      // Lower-cased here, where Unicode case rules are at hand.
      hay: [d.name, d.type, d.language, d.status, d.owner, desc ? desc.textContent : '']
        .join(' ').toLowerCase(),
    };
  });
  var listed = items.filter(function (it) { return !it.row.hidden; });
  var limit = PAGE;
  var state = { key: 'name', dir: 1 };

  function matches(it, terms) {
    for (var i = 0; i < selects.length; i++) {
      var s = selects[i];
      if (s.value && it.data[s.dataset.filter] !== s.value) return false;
    }
    for (var j = 0; j < terms.length; j++) {
      if (it.hay.indexOf(terms[j]) === -1) return false;
    }
    return true;
  }

  // Lists the first `limit` matching items in the current order.
  function apply() {
    var text = query.value.trim().toLowerCase();
    var terms = text ? text.split(/\s+/) : [];
    var matched = items.filter(function (it) { return matches(it, terms); });
    listed.forEach(function (it) { it.row.hidden = true; });
    listed = matched.slice(0, limit);
    var frag = document.createDocumentFragment();
    listed.forEach(function (it) {
      it.row.hidden = false;
      frag.appendChild(it.row);
    });
    tbody.appendChild(frag);
    shownEl.textContent = String(matched.length);
    listedEl.textContent = String(listed.length);
    listedNote.hidden = listed.length === matched.length;
    moreRow.hidden = listed.length === matched.length;
    noMatch.hidden = matched.length !== 0;
  }

  function refilter() {
    limit = PAGE;
    apply();
  }

  function compare(a, b) {
    var d;
    switch (state.key) {
      case 'tier':
        d = a.tier - b.tier;
        break;
      case 'compliance':
        d = a.violations - b.violations || a.warnings - b.warnings;
        break;
      default:
        d = collator.compare(a.data[state.key] || '', b.data[state.key] || '');
    }
    if (d === 0) d = collator.compare(a.data.name, b.data.name);
    if (d === 0) d = a.index - b.index;
    return d * state.dir;
  }

  function sortBy(key, dir) {
    state.key = key;
    state.dir = dir;
    items.sort(compare);
    headers.forEach(function (th) {
      if (th.dataset.sort === key) {
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    if (sortSelect) sortSelect.value = key + (dir > 0 ? ':asc' : ':desc');
    apply();
  }

  headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.sort;
      sortBy(key, state.key === key ? -state.dir : 1);
    });
  });
  if (sortSelect) {
    sortSelect.addEventListener('change', function () {
      var parts = sortSelect.value.split(':');
      sortBy(parts[0], parts[1] === 'desc' ? -1 : 1);
    });
  }
  query.addEventListener('input', refilter);
  selects.forEach(function (s) { s.addEventListener('change', refilter); });
  document.getElementById('reset').addEventListener('click', function () {
    query.value = '';
    selects.forEach(function (s) { s.value = ''; });
    refilter();
  });
  more.addEventListener('click', function () {
    limit += 5 * PAGE;
    apply();
  });

  // A chart row filters the table by its value; a second activation clears that filter.
  Array.prototype.forEach.call(document.querySelectorAll('svg g.row[data-filter]'), function (g) {
    function activate() {
      var select = document.getElementById('f-' + g.dataset.filter);
      if (!select) return;
      select.value = select.value === g.dataset.value ? '' : g.dataset.value;
      refilter();
      document.getElementById('repositories').scrollIntoView({ block: 'start' });
    }
    g.addEventListener('click', activate);
    g.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        activate();
      }
    });
  });

  sortBy(state.key, state.dir);
})();
