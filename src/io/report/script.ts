/**
 * The report's inline script (plain ES2017, no dependency, no network): reads the JSON
 * blob and draws the pairs, groups and unmatched tables a page at a time, with search
 * (every word must match a name, id, department, reason, piece of evidence or concern),
 * a filter of the pairs (any concern, one concern, essential fits) that works together
 * with the search, sorting by column, and a collapsible explanation per pair. At most one page of rows (25–250) is
 * in the DOM at a time, so 10,000 pairs open as fast as 50.
 *
 * @module
 */

/**
 * The script, as the text of an inline `<script>` element (it contains no `</script`).
 *
 * @example
 * ```ts
 * const html = `<script>${REPORT_SCRIPT}</script>`;
 * ```
 */
export const REPORT_SCRIPT = String.raw`(function () {
  'use strict';
  var blob = document.getElementById('report-data');
  if (!blob) return;
  var D = JSON.parse(blob.textContent || '{}');
  var P = D.people, S = D.strings, C = D.criteria, K = D.concernKinds || [];
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var REASONS = D.reasonLabels || {};

  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fixed(n, d) { return n === null || n === undefined ? '\u2013' : n.toFixed(d); }
  function count(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f'); }
  // Evidence: a string index, or [template, ...numbers] (see EvidenceItem in data.ts).
  function ev(item) {
    if (typeof item === 'number') return S[item];
    var bits = S[item[0]].split('\u0000'), out = bits[0];
    for (var i = 1; i < bits.length; i++) out += String(item[i]) + bits[i];
    return out;
  }
  function nameOf(i) { var p = P[i]; return p[1] || p[0]; }
  function personText(i) { var p = P[i]; return p[0] + ' ' + (p[1] || '') + ' ' + (p[2] || ''); }
  function personCell(td, i) {
    var p = P[i];
    td.classList.add('person');
    td.appendChild(h('span', 'who', p[1] || p[0]));
    var meta = [];
    if (p[1]) meta.push(p[0]);
    if (p[2]) meta.push(p[2]);
    if (meta.length) td.appendChild(h('span', 'meta', meta.join(' \u00b7 ')));
  }
  function scoreCell(td, score) {
    var bar = h('span', 'minibar');
    bar.setAttribute('aria-hidden', 'true');
    var fill = h('span');
    fill.style.width = Math.max(0, Math.min(100, score)) + '%';
    bar.appendChild(fill);
    td.appendChild(bar);
    td.appendChild(h('span', 'score', fixed(score, 1)));
  }

  // A table drawn a page at a time from rows of the blob.
  function Table(root, cfg) {
    var self = this;
    this.cfg = cfg;
    this.rows = cfg.rows;
    this.order = [];
    this.view = [];
    this.page = 0;
    this.size = 50;
    this.sortKey = -1;
    this.sortDir = 1;
    this.hay = null;
    this.query = '';
    this.facet = null;
    this.facetName = '';

    var tools = h('div', 'table-tools');
    var label = h('label', 'search');
    label.appendChild(h('span', 'visually-hidden', 'Search ' + cfg.name));
    this.input = h('input');
    this.input.type = 'search';
    this.input.placeholder = cfg.placeholder;
    this.input.setAttribute('aria-controls', root.id + '-table');
    this.input.setAttribute('data-search', cfg.name);
    label.appendChild(this.input);
    tools.appendChild(label);
    if (cfg.facets) {
      // A select of row filters ({ value, label, test }); it narrows what the search sees.
      var fl = h('label', 'facet');
      fl.appendChild(h('span', '', 'Show '));
      this.facetSelect = h('select');
      this.facetSelect.setAttribute('data-filter', cfg.name);
      this.facetSelect.setAttribute('aria-controls', root.id + '-table');
      cfg.facets.forEach(function (f) {
        var n = 0;
        if (f.test) for (var r = 0; r < self.rows.length; r++) if (f.test(self.rows[r])) n++;
        var o = h('option', '', f.test ? f.label + ' (' + count(n) + ')' : f.label);
        o.value = f.value;
        self.facetSelect.appendChild(o);
      });
      fl.appendChild(this.facetSelect);
      tools.appendChild(fl);
      this.facetSelect.addEventListener('change', function () { self.setFacet(self.facetSelect.value); });
    }
    this.status = h('span', 'table-count');
    this.status.setAttribute('aria-live', 'polite');
    tools.appendChild(this.status);
    root.appendChild(tools);

    var wrap = h('div', 'table-wrap');
    this.table = h('table', 'data');
    this.table.id = root.id + '-table';
    var thead = h('thead');
    var tr = h('tr');
    this.heads = [];
    cfg.columns.forEach(function (col, k) {
      var th = h('th', col.num ? 'num' : '');
      th.scope = 'col';
      if (col.sort) {
        var b = h('button', 'sort', col.label);
        b.type = 'button';
        b.addEventListener('click', function () { self.sortBy(k); });
        th.appendChild(b);
        th.setAttribute('aria-sort', 'none');
      } else {
        th.textContent = col.label;
      }
      self.heads.push(th);
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    this.table.appendChild(thead);
    this.tbody = h('tbody');
    this.table.appendChild(this.tbody);
    wrap.appendChild(this.table);
    root.appendChild(wrap);

    var pager = h('div', 'pager');
    this.prev = h('button', '', '\u2039 Previous');
    this.prev.type = 'button';
    this.next = h('button', '', 'Next \u203a');
    this.next.type = 'button';
    this.where = h('span', 'page');
    var sizeLabel = h('label', 'page-size', 'Rows per page ');
    this.sizeSelect = h('select');
    [25, 50, 100, 250].forEach(function (n) {
      var o = h('option', '', n);
      o.value = String(n);
      if (n === self.size) o.selected = true;
      self.sizeSelect.appendChild(o);
    });
    sizeLabel.appendChild(this.sizeSelect);
    pager.appendChild(this.prev);
    pager.appendChild(this.where);
    pager.appendChild(this.next);
    pager.appendChild(sizeLabel);
    root.appendChild(pager);
    this.prev.addEventListener('click', function () { self.go(self.page - 1); });
    this.next.addEventListener('click', function () { self.go(self.page + 1); });
    this.sizeSelect.addEventListener('change', function () { self.size = +self.sizeSelect.value; self.go(0); });
    var timer = 0;
    this.input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.filter(self.input.value); }, self.rows.length > 2000 ? 120 : 0);
    });

    for (var i = 0; i < this.rows.length; i++) this.order.push(i);
    if (cfg.defaultSort !== undefined) { this.sortKey = cfg.defaultSort; this.sortDir = cfg.defaultDir || 1; this.applySort(); }
    this.view = this.order;
    this.render();
  }
  Table.prototype.setFacet = function (value) {
    var f = null, fs = this.cfg.facets || [];
    for (var k = 0; k < fs.length; k++) if (fs[k].value === value) f = fs[k];
    this.facet = f && f.test ? f.test : null;
    this.facetName = f && f.test ? f.label : '';
    if (this.facetSelect) this.facetSelect.value = f ? f.value : '';
    this.filter(this.query);
  };
  Table.prototype.filter = function (q) {
    // Every word must occur; "quoted words" must occur together; and the row must pass the facet.
    var terms = [], m, re = /"([^"]*)"?|(\S+)/g, lower = String(q).toLowerCase();
    while ((m = re.exec(lower))) { var term = (m[1] !== undefined ? m[1] : m[2]).trim(); if (term) terms.push(term); }
    this.query = q;
    var test = this.facet;
    if (!terms.length && !test) { this.view = this.order; this.go(0); return; }
    if (terms.length && !this.hay) {
      this.hay = new Array(this.rows.length);
      for (var i = 0; i < this.rows.length; i++) this.hay[i] = this.cfg.text(this.rows[i]).toLowerCase();
    }
    var out = [];
    for (var j = 0; j < this.order.length; j++) {
      var r = this.order[j], ok = !test || test(this.rows[r]);
      if (ok && terms.length) { var s = this.hay[r]; for (var t = 0; t < terms.length && ok; t++) ok = s.indexOf(terms[t]) >= 0; }
      if (ok) out.push(r);
    }
    this.view = out;
    this.go(0);
  };
  Table.prototype.sortBy = function (k) {
    if (this.sortKey === k) this.sortDir = -this.sortDir;
    else { this.sortKey = k; this.sortDir = this.cfg.columns[k].num ? -1 : 1; }
    this.applySort();
    this.filter(this.query);
  };
  Table.prototype.applySort = function () {
    var col = this.cfg.columns[this.sortKey], rows = this.rows, dir = this.sortDir;
    var keys = new Array(rows.length);
    for (var i = 0; i < rows.length; i++) keys[i] = col.sort(rows[i]);
    this.order.sort(function (a, b) {
      var x = keys[a], y = keys[b];
      var c = typeof x === 'number' ? x - y : collator.compare(x, y);
      return c !== 0 ? dir * c : a - b;
    });
    for (var k = 0; k < this.heads.length; k++) {
      if (this.cfg.columns[k].sort) this.heads[k].setAttribute('aria-sort', k === this.sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  };
  Table.prototype.go = function (page) {
    var pages = Math.max(1, Math.ceil(this.view.length / this.size));
    this.page = Math.max(0, Math.min(pages - 1, page));
    this.render();
  };
  Table.prototype.render = function () {
    var cfg = this.cfg, tbody = this.tbody, cols = cfg.columns.length;
    var start = this.page * this.size, end = Math.min(this.view.length, start + this.size);
    var frag = document.createDocumentFragment();
    for (var i = start; i < end; i++) {
      var row = this.rows[this.view[i]];
      var tr = h('tr');
      for (var k = 0; k < cols; k++) {
        var col = cfg.columns[k];
        var td = h('td', col.num ? 'num' : '');
        col.cell(td, row, tr);
        tr.appendChild(td);
      }
      frag.appendChild(tr);
    }
    tbody.textContent = '';
    if (end === start) {
      var tr0 = h('tr', 'empty-row');
      var none = !this.rows.length ? cfg.empty
        : this.query ? 'No match for \u201c' + this.query + '\u201d' + (this.facetName ? ' among: ' + this.facetName : '') + '.'
        : 'No ' + cfg.name + ' to show for: ' + this.facetName + '.';
      var td0 = h('td', '', none);
      td0.colSpan = cols;
      tr0.appendChild(td0);
      frag.appendChild(tr0);
    }
    tbody.appendChild(frag);
    var pages = Math.max(1, Math.ceil(this.view.length / this.size));
    this.status.textContent = this.view.length === this.rows.length
      ? count(this.rows.length) + ' ' + cfg.name
      : count(this.view.length) + ' of ' + count(this.rows.length) + ' ' + cfg.name;
    this.where.textContent = end === start ? '' : (start + 1) + '\u2013' + end + ' of ' + count(this.view.length) + ' \u00b7 page ' + (this.page + 1) + ' of ' + pages;
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
  };

  // The explanation of a pair: one line per criterion with its evidence.
  function explain(pair) {
    var box = h('div', 'explain');
    box.appendChild(h('p', 'fit-line ' + (pair[7] ? 'is-fit' : 'not-fit'), pair[7]
      ? '\u2713 Essential fit: a wanted skill taught at level, a shared language and at least 30 minutes a week in common.'
      : 'Not an essential fit: see the concerns below.'));
    if (pair[8].length) {
      var cl = h('ul', 'concerns');
      for (var q = 0; q < pair[8].length; q++) {
        var li = h('li');
        var kind = K[pair[8][q][0]];
        li.appendChild(h('span', 'chip chip-warn concern', kind ? kind[1] : ''));
        li.appendChild(h('span', 'concern-text', ev(pair[8][q][1])));
        cl.appendChild(li);
      }
      box.appendChild(cl);
    } else {
      box.appendChild(h('p', 'muted concerns-none', 'No concerns.'));
    }
    var t = h('table', 'criteria');
    var head = h('tr');
    ['Criterion', 'Weight', 'Score (0–100)', 'Points', 'Evidence'].forEach(function (x, k) { var th = h('th', k > 0 && k < 4 ? 'num' : '', x); th.scope = 'col'; head.appendChild(th); });
    var thead = h('thead'); thead.appendChild(head); t.appendChild(thead);
    var tb = h('tbody');
    var top = 0;
    for (var k = 0; k < C.length; k++) top = Math.max(top, pair[4][k]);
    for (var c = 0; c < C.length; c++) {
      var tr = h('tr', pair[5][c] === null ? 'na' : '');
      var name = h('td', 'crit', C[c][0]);
      if (C[c][2]) name.appendChild(h('span', 'chip', 'must'));
      tr.appendChild(name);
      tr.appendChild(h('td', 'num', C[c][1]));
      tr.appendChild(h('td', 'num', pair[5][c] === null ? 'n/a' : fixed(pair[5][c], 0)));
      var pts = h('td', 'num pts');
      var bar = h('span', 'ptsbar'); bar.setAttribute('aria-hidden', 'true');
      var fill = h('span'); fill.style.width = (top > 0 ? 100 * pair[4][c] / top : 0) + '%';
      bar.appendChild(fill); pts.appendChild(bar); pts.appendChild(h('span', '', fixed(pair[4][c], 1)));
      tr.appendChild(pts);
      var said = h('td', 'evidence');
      var items = pair[6][c];
      if (pair[5][c] === null) said.appendChild(h('span', 'muted', 'does not apply (missing data)'));
      else if (!items.length) said.appendChild(h('span', 'muted', 'nothing in common'));
      else {
        var ul = h('ul');
        for (var e = 0; e < items.length; e++) ul.appendChild(h('li', '', ev(items[e])));
        said.appendChild(ul);
      }
      tr.appendChild(said);
      tb.appendChild(tr);
    }
    t.appendChild(tb);
    box.appendChild(t);
    return box;
  }
  function topCriteria(pair) {
    var ks = [];
    for (var k = 0; k < C.length; k++) if (pair[4][k] > 0) ks.push(k);
    ks.sort(function (a, b) { return pair[4][b] - pair[4][a] || a - b; });
    return ks.slice(0, 3);
  }
  function pairText(pair) {
    var s = personText(pair[0]) + ' ' + personText(pair[1]);
    for (var k = 0; k < C.length; k++) for (var e = 0; e < pair[6][k].length; e++) s += ' ' + ev(pair[6][k][e]);
    return s + concernText(pair[8]);
  }
  function concernText(items) {
    var s = '';
    for (var i = 0; i < items.length; i++) { var kind = K[items[i][0]]; s += ' ' + (kind ? kind[0] + ' ' + kind[1] : '') + ' ' + ev(items[i][1]); }
    return s;
  }
  function hasConcern(items, k) {
    for (var i = 0; i < items.length; i++) if (items[i][0] === k) return true;
    return false;
  }
  // Concern badges: the short label, the full message as the title.
  function concernBadges(td, items) {
    for (var i = 0; i < items.length; i++) {
      var kind = K[items[i][0]];
      var b = h('span', 'chip chip-warn concern', kind ? kind[1] : '');
      if (kind) b.setAttribute('data-concern', kind[0]);
      b.title = ev(items[i][1]);
      td.appendChild(b);
    }
  }
  function checksCell(td, pair) {
    if (pair[7]) {
      var f = h('span', 'chip chip-good fit', '\u2713 essential fit');
      f.title = 'A wanted skill taught at level, a shared language and at least 30 minutes a week in common';
      td.appendChild(f);
    } else if (!pair[8].length) {
      td.appendChild(h('span', 'chip', 'not an essential fit'));
    }
    concernBadges(td, pair[8]);
  }
  function toggleCell(td, pair, tr) {
    var b = h('button', 'toggle');
    b.type = 'button';
    b.setAttribute('aria-expanded', 'false');
    b.setAttribute('aria-label', 'Explain the pair ' + nameOf(pair[0]) + ' and ' + nameOf(pair[1]));
    b.title = 'Show why';
    b.textContent = '\u25b8';
    b.addEventListener('click', function () {
      var open = b.getAttribute('aria-expanded') === 'true';
      if (open) {
        if (tr.nextSibling && tr.nextSibling.className === 'detail') tr.parentNode.removeChild(tr.nextSibling);
        b.setAttribute('aria-expanded', 'false'); b.textContent = '\u25b8'; tr.classList.remove('open');
      } else {
        var d = h('tr', 'detail');
        var cell = h('td');
        cell.colSpan = tr.children.length;
        cell.appendChild(explain(pair));
        d.appendChild(cell);
        tr.parentNode.insertBefore(d, tr.nextSibling);
        b.setAttribute('aria-expanded', 'true'); b.textContent = '\u25be'; tr.classList.add('open');
      }
    });
    td.appendChild(b);
  }

  var pairsRoot = document.getElementById('pairs-app'), pairsTable = null;
  if (pairsRoot) {
    var facets = [
      { value: '', label: 'All pairs' },
      { value: 'any', label: 'Pairs with any concern', test: function (p) { return p[8].length > 0; } }
    ];
    K.forEach(function (kind, k) {
      facets.push({ value: kind[0], label: 'Concern: ' + kind[1], test: function (p) { return hasConcern(p[8], k); } });
    });
    facets.push(
      { value: 'fit', label: 'Essential fits only', test: function (p) { return p[7] === 1; } },
      { value: 'not-fit', label: 'Not an essential fit', test: function (p) { return p[7] !== 1; } }
    );
    pairsTable = new Table(pairsRoot, {
      name: 'pairs', rows: D.pairs, empty: 'No pairs in this result.',
      placeholder: 'Search names, ids, departments, evidence, concerns\u2026',
      text: pairText,
      facets: facets,
      defaultSort: 3, defaultDir: -1,
      columns: [
        { label: '', cell: toggleCell },
        { label: D.labels[0], sort: function (p) { return nameOf(p[0]); }, cell: function (td, p) { personCell(td, p[0]); } },
        { label: D.labels[1], sort: function (p) { return nameOf(p[1]); }, cell: function (td, p) { personCell(td, p[1]); } },
        { label: 'Score', num: true, sort: function (p) { return p[2]; }, cell: function (td, p) { scoreCell(td, p[2]); if (p[3]) td.appendChild(h('span', 'chip', 'locked')); } },
        { label: 'Checks', sort: function (p) { return 2 * p[8].length + (p[7] ? 0 : 1); }, cell: checksCell },
        { label: 'Strongest criteria', cell: function (td, p) {
          topCriteria(p).forEach(function (k) { td.appendChild(h('span', 'chip crit-chip', C[k][0] + ' ' + fixed(p[4][k], 0))); });
        } }
      ]
    });
  }
  var groupsRoot = document.getElementById('groups-app');
  if (groupsRoot) {
    new Table(groupsRoot, {
      name: 'groups', rows: D.groups, empty: 'No groups in this result.',
      placeholder: 'Search names, ids, departments\u2026',
      text: function (g) { var s = g[0] >= 0 ? personText(g[0]) : ''; for (var i = 0; i < g[1].length; i++) s += ' ' + personText(g[1][i]); return s + concernText(g[3]); },
      defaultSort: 3, defaultDir: -1,
      columns: [
        { label: D.labels[1] === 'Peer' ? 'Group' : 'Mentor', sort: function (g) { return g[0] >= 0 ? nameOf(g[0]) : ''; }, cell: function (td, g) { if (g[0] >= 0) personCell(td, g[0]); else td.appendChild(h('span', 'muted', 'peer group')); } },
        { label: 'Members', cell: function (td, g) {
          var ul = h('ul', 'members');
          g[1].forEach(function (m) { var li = h('li'); personCell(li, m); ul.appendChild(li); });
          td.appendChild(ul);
        } },
        { label: 'Size', num: true, sort: function (g) { return g[1].length; }, cell: function (td, g) { td.textContent = g[1].length; } },
        { label: 'Score', num: true, sort: function (g) { return g[2]; }, cell: function (td, g) { scoreCell(td, g[2]); } },
        { label: 'Concerns', sort: function (g) { return g[3].length; }, cell: function (td, g) { if (g[3].length) concernBadges(td, g[3]); else td.appendChild(h('span', 'muted', 'none')); } }
      ]
    });
  }
  var unmatchedRoot = document.getElementById('unmatched-app');
  if (unmatchedRoot) {
    new Table(unmatchedRoot, {
      name: 'unmatched', rows: D.unmatched, empty: 'Everyone is matched.',
      placeholder: 'Search names, ids, reasons\u2026',
      text: function (u) { return personText(u[0]) + ' ' + u[1] + ' ' + S[u[2]] + ' ' + S[u[3]]; },
      columns: [
        { label: 'Person', sort: function (u) { return nameOf(u[0]); }, cell: function (td, u) { personCell(td, u[0]); } },
        { label: 'Role', sort: function (u) { return u[1]; }, cell: function (td, u) { td.textContent = u[1]; } },
        { label: 'Reason', sort: function (u) { return S[u[2]]; }, cell: function (td, u) { var c = h('span', 'chip chip-warn', S[u[2]]); c.title = REASONS[S[u[2]]] || ''; td.appendChild(c); } },
        { label: 'Why', cell: function (td, u) { td.textContent = S[u[3]]; } }
      ]
    });
  }
  // "Concerns" section: a count shows those pairs (the link still jumps to the table).
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('[data-show-concern]') : null;
    if (a && pairsTable) pairsTable.setFacet(a.getAttribute('data-show-concern'));
  });
  document.documentElement.classList.add('js');
})();
`;
