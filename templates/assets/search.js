/* Kairan search client: plain JavaScript, no dependencies, no build step.
 * Normalises and tokenises exactly as the build does (SearchText.swift; both read
 * Tests/search/vectors.json in their tests), downloads only the index shards of the query's
 * terms, verifies every candidate by positions, ranks, and shows snippets. */
(function (root) {
  'use strict';

  // ---- Text: the one rule shared with the build ----------------------------------------------
  var MARK = /\p{M}/u, LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;
  function isMark(cp) {
    if (cp === 0xFF9E || cp === 0xFF9F || cp === 0x3099 || cp === 0x309A) return true;
    return cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
  }
  function isKatakanaLetter(cp) { return cp >= 0x30A1 && cp <= 0x30FA; }
  function isJapanese(cp) {
    return (cp >= 0x3041 && cp <= 0x309F) || (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0x3005 && cp <= 0x3007) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);
  }
  function isWordCharacter(cp) {
    if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7A) || (cp >= 0x41 && cp <= 0x5A);
    return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
  }
  function foldKana(cp) { return (cp >= 0x30A1 && cp <= 0x30F6) || cp === 0x30FD || cp === 0x30FE ? cp - 0x60 : cp; }

  /** Tokens of `text`: {v: value, w: is a Latin word, p: position, s/e: UTF-16 range in `text`}. */
  function tokenize(text) {
    var tokens = [], position = 0, word = '', wordStart = 0, wordEnd = 0, gap = false, previous = 0, pending = null;
    function endWord() {
      if (!word) return;
      tokens.push({ v: word, w: true, p: position, s: wordStart, e: wordEnd });
      position++; word = '';
    }
    function classify(cp, s, e) {
      if (isJapanese(cp)) {
        endWord();
        if (gap) { position++; gap = false; }
        tokens.push({ v: String.fromCodePoint(foldKana(cp)), w: false, p: position, s: s, e: e });
        position++;
      } else if (isWordCharacter(cp)) {
        if (!word) { if (gap) { position++; gap = false; } wordStart = s; }
        word += String.fromCodePoint(cp); wordEnd = e;
      } else {
        endWord();
        if (tokens.length) gap = true;
      }
    }
    function settle(next) {
      if (!pending) return;
      var held = pending; pending = null;
      if (isKatakanaLetter(next) || next === 0x30FC) classify(0x30FC, held.s, held.e);
    }
    function normalized(cp, s, e) {
      if (pending) settle(cp);
      if (cp === 0x30FC && isKatakanaLetter(previous)) { pending = { s: s, e: e }; previous = cp; return; }
      previous = cp;
      classify(cp, s, e);
    }
    var i = 0, n = text.length;
    while (i < n) {
      var start = i, cp = text.codePointAt(i);
      i += cp > 0xFFFF ? 2 : 1;
      while (i < n) { var next = text.codePointAt(i); if (!isMark(next)) break; i += next > 0xFFFF ? 2 : 1; }
      var piece = text.slice(start, i).normalize('NFKC').toLowerCase();
      for (var ch of piece) normalized(ch.codePointAt(0), start, i);
    }
    settle(0x20);
    endWord();
    return tokens;
  }

  /** The normalised text: tokens in order, one space at each gap. */
  function normalize(text) {
    var out = '', last = null;
    tokenize(text).forEach(function (t) { if (last !== null && t.p > last + 1) out += ' '; out += t.v; last = t.p; });
    return out;
  }

  function fnv1a(key) {
    var bytes = new TextEncoder().encode(key), hash = 0x811C9DC5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash >>> 0;
  }

  /** A query's words: runs of tokens without a gap (spaces and punctuation separate words). */
  function queryWords(query) {
    var words = [], current = [], last = null;
    tokenize(query).forEach(function (t) {
      if (last !== null && t.p > last + 1) { words.push(current); current = []; }
      current.push(t); last = t.p;
    });
    if (current.length) words.push(current);
    return words;
  }

  /** The terms that pin down an alternative (tokens with offsets), as few as spell it: [{key, off}]
   * (bigrams at every other place: 東京都 is 東京@0 + 京都@1, パスワード is ぱす@0 + わー@2 + ーど@3),
   * or a unigram for one character. With `fileOf(key)` ([file, bytes]), a run of Japanese
   * characters takes the bigrams whose files cost least to download (a file counted once). */
  function constraints(tokens, fileOf) {
    var base = tokens[0].p, list = [];
    if (tokens.length === 1) return [{ key: (tokens[0].w ? 'w' : 'u') + tokens[0].v, off: 0, unigram: !tokens[0].w }];
    for (var i = 0; i < tokens.length;) {
      var t = tokens[i];
      if (t.w) { list.push({ key: 'w' + t.v, off: t.p - base }); i++; continue; }
      var end = i + 1;
      while (end < tokens.length && !tokens[end].w && tokens[end].p === tokens[end - 1].p + 1) end++;
      if (end - i === 1) {
        // A character alone between Latin words or gaps: the edge of its run.
        var next = tokens[i + 1];
        list.push({ key: (next && next.p === t.p + 1 ? 'e' : 's') + t.v, off: t.p - base });
      } else {
        cover(tokens.slice(i, end), fileOf).forEach(function (start) {
          var a = tokens[i + start], b = tokens[i + start + 1];
          list.push({ key: 'b' + a.v + b.v, off: a.p - base });
        });
      }
      i = end;
    }
    return list;
  }

  /** The bigram starts that spell a run of `run.length` ≥ 2 characters: every other place and the
   * last; with `fileOf`, the set whose distinct files weigh least (then the fewest bigrams). */
  function cover(run, fileOf) {
    var n = run.length - 1, plain = [];
    for (var s = 0; s < n; s += 2) plain.push(s);
    if (plain[plain.length - 1] !== n - 1) plain.push(n - 1);
    if (!fileOf || n > 14) return plain;
    var files = [];
    for (var k = 0; k < n; k++) files.push(fileOf('b' + run[k].v + run[k + 1].v));
    function weigh(starts) {
      var seen = new Set(), bytes = 0;
      starts.forEach(function (k) { if (!seen.has(files[k][0])) { seen.add(files[k][0]); bytes += files[k][1]; } });
      return bytes;
    }
    var best = plain, bestBytes = weigh(plain);
    for (var mask = 1; mask < (1 << n); mask++) {
      if (!(mask & 1) || !(mask >> (n - 1) & 1)) continue;  // the first and the last character
      var starts = [], covered = true;
      for (k = 0; k < n; k++) if (mask >> k & 1) starts.push(k);
      for (k = 1; k < n && covered; k++) if (!(mask >> k & 1) && !(mask >> (k - 1) & 1)) covered = false;
      if (!covered) continue;
      var bytes = weigh(starts);
      if (bytes < bestBytes || (bytes === bestBytes && starts.length < best.length)) { best = starts; bestBytes = bytes; }
    }
    return best;
  }

  // ---- Index -----------------------------------------------------------------------------------
  /** About the size of a shard of small terms (SearchIndex.shardTarget). */
  var SHARD_BYTES = 6144;
  function readVarint(bytes, at) {
    var value = 0, shift = 0, byte;
    do { byte = bytes[at.i++]; value += (byte & 0x7F) * Math.pow(2, shift); shift += 7; } while (byte & 0x80);
    return value;
  }

  /** One term's postings at `at`: [{page, title, heading, body}] for a unigram,
   * [{page, positions, fields}] for the others. */
  function readPostings(bytes, at, unigram) {
    var count = readVarint(bytes, at), page = -1, postings = [];
    for (var d = 0; d < count; d++) {
      page += readVarint(bytes, at);
      if (unigram) {
        postings.push({ page: page, title: readVarint(bytes, at), heading: readVarint(bytes, at), body: readVarint(bytes, at) });
      } else {
        var n = readVarint(bytes, at), position = 0, positions = new Array(n), fields = new Array(n);
        for (var k = 0; k < n; k++) { var code = readVarint(bytes, at); position += Math.floor(code / 4); positions[k] = position; fields[k] = code & 3; }
        postings.push({ page: page, positions: positions, fields: fields });
      }
    }
    return postings;
  }

  function readKey(bytes, at, decoder) {
    var length = readVarint(bytes, at), key = decoder.decode(bytes.subarray(at.i, at.i + length));
    at.i += length;
    return key;
  }

  /** The terms of one shard file: key → postings. */
  function parseShard(buffer) {
    var bytes = new Uint8Array(buffer), at = { i: 0 }, terms = new Map(), decoder = new TextDecoder();
    while (at.i < bytes.length) {
      var key = readKey(bytes, at, decoder);
      terms.set(key, readPostings(bytes, at, key.charAt(0) === 'u'));
    }
    return terms;
  }

  /** The terms of a file of bigrams that follow one another (SearchIndex.swift, BigramGroups):
   * the first as in a shard; each other after its parent, as the parent's occurrences it does not
   * follow one place later, then its other occurrences. key → postings, as parseShard. */
  function parseGroup(buffer) {
    var bytes = new Uint8Array(buffer), at = { i: 0 }, terms = new Map(), decoder = new TextDecoder(), list = [];
    var key = readKey(bytes, at, decoder);
    list.push(readPostings(bytes, at, false));
    terms.set(key, list[0]);
    while (at.i < bytes.length) {
      key = readKey(bytes, at, decoder);
      var parent = list[readVarint(bytes, at)], byPage = new Map();
      parent.forEach(function (p) {
        var misses = readVarint(bytes, at), n = p.positions.length, positions, fields;
        if (misses === 0) {
          positions = new Array(n);
          for (var k = 0; k < n; k++) positions[k] = p.positions[k] + 1;
          fields = p.fields;
        } else {
          positions = []; fields = [];
          var index = -1, skip = -1, left = misses;
          for (k = 0; k < n; k++) {
            if (skip < k && left > 0) { skip = index + readVarint(bytes, at) + 1; index = skip; left--; }
            if (k === skip) continue;
            positions.push(p.positions[k] + 1); fields.push(p.fields[k]);
          }
        }
        if (positions.length) byPage.set(p.page, { page: p.page, positions: positions, fields: fields });
      });
      readPostings(bytes, at, false).forEach(function (rest) {
        var into = byPage.get(rest.page);
        if (!into) { byPage.set(rest.page, rest); return; }
        var positions = [], fields = [], a = 0, b = 0;
        while (a < into.positions.length || b < rest.positions.length) {
          if (b >= rest.positions.length || (a < into.positions.length && into.positions[a] < rest.positions[b])) {
            positions.push(into.positions[a]); fields.push(into.fields[a]); a++;
          } else { positions.push(rest.positions[b]); fields.push(rest.fields[b]); b++; }
        }
        into.positions = positions; into.fields = fields;
      });
      var postings = Array.from(byPage.values()).sort(function (x, y) { return x.page - y.page; });
      list.push(postings);
      terms.set(key, postings);
    }
    return terms;
  }

  /** A search over the index at `base` (the folder URL of index.json); `fetcher(url, kind)`
   * returns a promise of an ArrayBuffer (kind 'bin') or parsed JSON ('json'). */
  function Index(base, fetcher) {
    this.base = base; this.fetcher = fetcher; this.manifest = null; this.shards = new Map(); this.groups = new Map();
    this.bytes = 0;
  }
  Index.prototype.load = function () {
    var self = this;
    if (!this.ready) this.ready = this.fetcher(this.base + 'index.json', 'json').then(function (m) {
      self.manifest = m;
      self.big = new Map(); self.grouped = new Set();
      (m.big || []).forEach(function (key, n) { self.big.set(key, n); });
      (m.members || []).forEach(function (entry) {
        self.grouped.add(entry[0]);
        entry.slice(1).forEach(function (key) { self.big.set(key, entry[0]); });
      });
      var synonyms = new Map();
      (m.synonyms || []).forEach(function (group) { group.forEach(function (word) { synonyms.set(word, group); }); });
      self.synonyms = synonyms;
      var total = 0; m.lengths.forEach(function (l) { total += l; });
      self.average = m.lengths.length ? total / m.lengths.length : 1;
      return m;
    });
    return this.ready;
  };
  /** The file that holds `key` and its size in bytes (a shard's, estimated): [path, bytes]. */
  Index.prototype.fileOf = function (key) {
    if (this.big.has(key)) { var n = this.big.get(key); return ['k/' + n + '.bin', (this.manifest.sizes || [])[n] || SHARD_BYTES]; }
    return ['t/' + (fnv1a(key) % this.manifest.shards) + '.bin', SHARD_BYTES];
  };
  /** The postings of `key`: from its own file (a big term) or its shard. */
  Index.prototype.shard = function (key) {
    var file = this.fileOf(key)[0], grouped = this.big.has(key) && this.grouped.has(this.big.get(key));
    if (!this.shards.has(file)) this.shards.set(file, this.fetcher(this.base + file, 'bin').then(grouped ? parseGroup : parseShard));
    return this.shards.get(file).then(function (terms) { return terms.get(key) || []; });
  };
  Index.prototype.group = function (number) {
    if (!this.groups.has(number)) this.groups.set(number, this.fetcher(this.base + 'd/' + number + '.json', 'json'));
    return this.groups.get(number);
  };
  /** The page record (url, title, section, text, headings) of page `page`. */
  Index.prototype.page = function (page) {
    var size = this.manifest.group;
    return this.group(Math.floor(page / size)).then(function (records) { return records[page % size]; });
  };

  /** Pages matching one alternative: Map page → {title, heading, body, starts: [positions], span}. */
  Index.prototype.matchAlternative = function (tokens) {
    var self = this, list = constraints(tokens, function (key) { return self.fileOf(key); }), span = tokens[tokens.length - 1].p - tokens[0].p;
    return Promise.all(list.map(function (c) { return self.shard(c.key); })).then(function (postingLists) {
      var found = new Map();
      if (list.length === 1 && list[0].unigram) {
        postingLists[0].forEach(function (p) { found.set(p.page, { title: p.title, heading: p.heading, body: p.body, starts: [], span: 0 }); });
        return found;
      }
      var byPage = postingLists.map(function (postings) { var m = new Map(); postings.forEach(function (p) { m.set(p.page, p); }); return m; });
      var order = list.map(function (_, i) { return i; }).sort(function (a, b) { return postingLists[a].length - postingLists[b].length; });
      var first = order[0];
      postingLists[first].forEach(function (posting) {
        var page = posting.page;
        for (var k = 0; k < list.length; k++) if (!byPage[k].has(page)) return;
        var sets = list.map(function (_, k) { return new Set(byPage[k].get(page).positions); });
        var result = { title: 0, heading: 0, body: 0, starts: [], span: span };
        posting.positions.forEach(function (position, index) {
          var start = position - list[first].off;
          for (var k = 0; k < list.length; k++) if (!sets[k].has(start + list[k].off)) return;
          // A match never spans fields (title, headings and body are separate lines).
          var field = posting.fields[index];
          if (field === 2) result.title++; else if (field === 1) result.heading++; else result.body++;
          result.starts.push(start);
        });
        if (result.starts.length) found.set(page, result);
      });
      return found;
    });
  };

  /** The alternatives of a query word: the word, or every member of its synonym group. */
  Index.prototype.alternatives = function (word) {
    var text = word.map(function (t) { return t.v; }).join(''), group = this.synonyms.get(text);
    if (!group) return [word];
    return group.map(function (member) { return tokenize(member); }).filter(function (t) { return t.length; });
  };

  /** Every page matching `query`, ranked: [{page, score, tier, starts, spans}]. */
  Index.prototype.search = function (query) {
    var self = this;
    return this.load().then(function () {
      var words = queryWords(query);
      if (!words.length) return [];
      return Promise.all(words.map(function (word) {
        return Promise.all(self.alternatives(word).map(function (alt) { return self.matchAlternative(alt); })).then(function (maps) {
          var merged = new Map();
          maps.forEach(function (map) {
            map.forEach(function (m, page) {
              var into = merged.get(page) || { title: 0, heading: 0, body: 0, starts: [], spans: [] };
              into.title += m.title; into.heading += m.heading; into.body += m.body;
              m.starts.forEach(function (s) { into.starts.push(s); into.spans.push(m.span); });
              merged.set(page, into);
            });
          });
          return merged;
        });
      })).then(function (perWord) { return self.rank(perWord); });
    });
  };

  Index.prototype.rank = function (perWord) {
    var m = this.manifest, N = m.pages, avg = this.average, k1 = 1.2, b = 0.75, results = [];
    perWord.sort(function (a, b) { return a.size - b.size; });
    perWord[0].forEach(function (_, page) {
      var score = 0, allTitle = true, allTitleOrHeading = true, starts = [], spans = [];
      for (var w = 0; w < perWord.length; w++) {
        var hit = perWord[w].get(page);
        if (!hit) return;
        var df = perWord[w].size, idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        var tf = 5 * hit.title + 2 * hit.heading + hit.body, length = m.lengths[page] || 1;
        score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg));
        if (!hit.title) allTitle = false;
        if (!hit.title && !hit.heading) allTitleOrHeading = false;
        hit.starts.forEach(function (s, i) { starts.push(s); spans.push(hit.spans[i]); });
      }
      score *= 1 + (m.boosts[page] || 0) / 1000;
      results.push({ page: page, score: score, tier: allTitle ? 2 : allTitleOrHeading ? 1 : 0, starts: starts, spans: spans });
    });
    results.sort(function (x, y) { return y.tier - x.tier || y.score - x.score || x.page - y.page; });
    return results;
  };

  // ---- Results page ----------------------------------------------------------------------------
  /** The snippet of a result: {before, parts: [{text, mark}], heading id or null}. */
  function snippet(record, result) {
    var full = record.title + '\n' + record.text, tokens = tokenize(full), byPosition = new Map();
    tokens.forEach(function (t) { byPosition.set(t.p, t); });
    var bodyStart = record.title.length + 1, marks = [];
    result.starts.forEach(function (start, i) {
      var a = byPosition.get(start), z = byPosition.get(start + result.spans[i]);
      if (a && z && a.s >= bodyStart) marks.push([a.s - bodyStart, z.e - bodyStart, start]);
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var text = record.text, from = 0, to = Math.min(text.length, 120), heading = null;
    if (marks.length) {
      from = Math.max(0, marks[0][0] - 30); to = Math.min(text.length, from + 120);
      (record.headings || []).forEach(function (h) { if (h[0] <= marks[0][2]) heading = h[1]; });
    }
    var parts = [], at = from;
    marks.forEach(function (mk) {
      if (mk[0] < at || mk[1] > to) return;
      parts.push({ text: text.slice(at, mk[0]), mark: false }, { text: text.slice(mk[0], mk[1]), mark: true });
      at = mk[1];
    });
    parts.push({ text: text.slice(at, to), mark: false });
    return { parts: parts, heading: heading, clippedStart: from > 0, clippedEnd: to < text.length };
  }

  function fetchForBrowser(url, kind) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return kind === 'bin' ? r.arrayBuffer() : r.json();
    });
  }

  function startPage(document) {
    var list = document.getElementById('search-results'), status = document.getElementById('search-status');
    var input = document.getElementById('search-q'), more = document.getElementById('search-more');
    if (!list || !status) return;
    var base = list.getAttribute('data-index'), home = list.getAttribute('data-site-root') || '/';
    var query = new URLSearchParams(root.location.search).get('q') || '';
    if (input) input.value = query;
    document.documentElement.classList.add('search-ready');
    if (!query.trim()) { status.textContent = 'キーワードを入力してください。'; return; }
    status.textContent = '検索しています…';
    var index = new Index(base, fetchForBrowser), shown = 0, results = [];
    function showMore() {
      var batch = results.slice(shown, shown + 10);
      shown += batch.length;
      if (more) more.hidden = shown >= results.length;
      return Promise.all(batch.map(function (r) { return index.page(r.page); })).then(function (records) {
        records.forEach(function (record, i) {
          var s = snippet(record, batch[i]), item = document.createElement('li'), link = document.createElement('a');
          item.className = 'search-result';
          item.setAttribute('data-result-url', record.url);
          link.href = home.replace(/\/$/, '') + record.url + (s.heading ? '#' + encodeURIComponent(s.heading) : '');
          link.textContent = record.title;
          var title = document.createElement('h2'); title.appendChild(link); item.appendChild(title);
          var section = document.createElement('p'); section.className = 'search-section'; section.textContent = record.section;
          item.appendChild(section);
          var p = document.createElement('p'); p.className = 'search-snippet';
          if (s.clippedStart) p.appendChild(document.createTextNode('…'));
          s.parts.forEach(function (part) {
            if (part.mark) { var m = document.createElement('mark'); m.textContent = part.text; p.appendChild(m); }
            else p.appendChild(document.createTextNode(part.text));
          });
          if (s.clippedEnd) p.appendChild(document.createTextNode('…'));
          item.appendChild(p);
          list.appendChild(item);
        });
      });
    }
    index.search(query).then(function (found) {
      results = found;
      status.setAttribute('data-result-count', String(found.length));
      status.textContent = found.length ? '「' + query + '」の検索結果: ' + found.length + '件' : '「' + query + '」に一致する記事は見つかりませんでした。';
      return showMore();
    }).then(function () {
      list.setAttribute('data-ready', 'true');
    }).catch(function (error) {
      status.textContent = '検索できませんでした（' + error.message + '）。';
    });
    if (more) more.addEventListener('click', function () { showMore(); });
    // Arrow keys move through the results; from the box, down goes to the first.
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      var links = Array.prototype.slice.call(list.querySelectorAll('.search-result h2 a'));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      if (at < 0 && document.activeElement !== input) return;
      event.preventDefault();
      var next = event.key === 'ArrowDown' ? Math.min(links.length - 1, at + 1) : at - 1;
      if (next < 0) { if (input) input.focus(); } else links[next].focus();
    });
  }

  var api = { tokenize: tokenize, normalize: normalize, fnv1a: fnv1a, queryWords: queryWords, constraints: constraints,
              parseShard: parseShard, parseGroup: parseGroup, cover: cover, Index: Index, snippet: snippet };
  root.KairanSearch = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (root.document) {
    if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', function () { startPage(root.document); });
    else startPage(root.document);
  }
})(typeof window !== 'undefined' ? window : globalThis);
