// The service catalog page's behaviour: filter and sort the repository table, and filter it
// from the charts. Embedded in the page at build time; it reads the rows' data-* attributes
// and never builds markup from them.
(function () {
  'use strict';
  var tbody = document.querySelector('#repos tbody');
  if (!tbody) return;
  var rows = Array.prototype.slice.call(tbody.rows);
  // Lower-cased once here, where Unicode case rules are at hand.
  var haystacks = rows.map(function (row, i) {
    row.dataset.index = String(i);
    return (row.dataset.search || '').toLowerCase();
  });
  var query = document.getElementById('q');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var shownEl = document.getElementById('shown');
  var noMatch = document.getElementById('no-match');
  var sortSelect = document.getElementById('sort');
  var headers = Array.prototype.slice.call(document.querySelectorAll('#repos th[data-sort]'));
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var state = { key: 'name', dir: 1 };

  function matches(row, terms) {
    for (var i = 0; i < selects.length; i++) {
      var s = selects[i];
      if (s.value && row.dataset[s.dataset.filter] !== s.value) return false;
    }
    var hay = haystacks[Number(row.dataset.index)];
    for (var j = 0; j < terms.length; j++) {
      if (hay.indexOf(terms[j]) === -1) return false;
    }
    return true;
  }

  function apply() {
    var text = query.value.trim().toLowerCase();
    var terms = text ? text.split(/\s+/) : [];
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, terms);
      row.hidden = !ok;
      if (ok) shown++;
    });
    shownEl.textContent = String(shown);
    noMatch.hidden = shown !== 0;
  }

  function num(row, key) { return Number(row.dataset[key]) || 0; }

  function compare(a, b) {
    var d;
    switch (state.key) {
      case 'tier':
        d = num(a, 'tier') - num(b, 'tier');
        break;
      case 'compliance':
        d = num(a, 'violations') - num(b, 'violations') || num(a, 'warnings') - num(b, 'warnings');
        break;
      default:
        d = collator.compare(a.dataset[state.key] || '', b.dataset[state.key] || '');
    }
    if (d === 0) d = collator.compare(a.dataset.name, b.dataset.name);
    if (d === 0) d = num(a, 'index') - num(b, 'index');
    return d * state.dir;
  }

  function sortBy(key, dir) {
    state.key = key;
    state.dir = dir;
    rows.sort(compare);
    var frag = document.createDocumentFragment();
    rows.forEach(function (row) { frag.appendChild(row); });
    tbody.appendChild(frag);
    headers.forEach(function (th) {
      if (th.dataset.sort === key) {
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    if (sortSelect) sortSelect.value = key + (dir > 0 ? ':asc' : ':desc');
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
  query.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  document.getElementById('reset').addEventListener('click', function () {
    query.value = '';
    selects.forEach(function (s) { s.value = ''; });
    apply();
  });

  // A chart row filters the table by its value; a second activation clears that filter.
  Array.prototype.forEach.call(document.querySelectorAll('svg g.row[data-filter]'), function (g) {
    function activate() {
      var select = document.getElementById('f-' + g.dataset.filter);
      if (!select) return;
      select.value = select.value === g.dataset.value ? '' : g.dataset.value;
      apply();
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
  apply();
})();
