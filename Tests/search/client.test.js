// The search client's text rules, from the vectors the Swift suite reads too
// (Tests/KairanCoreTests/Search/SearchTextTests.swift). Run: node --test Tests/search/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const S = require('../../templates/assets/search.js');
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors.json'), 'utf8'));

test('vectors are read', () => {
  assert.ok(vectors.normalize.length >= 30);
  assert.ok(vectors.tokens.length >= 5);
});

for (const v of vectors.normalize) {
  test(`normalize ${JSON.stringify(v.in)}: ${v.why}`, () => {
    assert.strictEqual(S.normalize(v.in), v.out);
  });
}

for (const v of vectors.tokens) {
  test(`tokens of ${JSON.stringify(v.in)}`, () => {
    assert.deepStrictEqual(S.tokenize(v.in).map((t) => [t.v, t.p]), v.out);
  });
}

test('term hashes match the build', () => {
  for (const v of vectors.hash) assert.strictEqual(S.fnv1a(v.key), v.fnv1a, v.key);
});

test('token ranges point into the original text', () => {
  const text = 'ﾛｸﾞｲﾝ画面でＫＰＩを見る';
  const tokens = S.tokenize(text);
  assert.strictEqual(text.slice(tokens[0].s, tokens[0].e), 'ﾛ');
  assert.strictEqual(text.slice(tokens[1].s, tokens[1].e), 'ｸﾞ');
  const kpi = tokens.find((t) => t.v === 'kpi');
  assert.strictEqual(text.slice(kpi.s, kpi.e), 'ＫＰＩ');
});

test('a query is split into words at spaces and punctuation', () => {
  assert.deepStrictEqual(S.queryWords('予約　変更,KPI').map((w) => w.map((t) => t.v).join('')), ['予約', '変更', 'kpi']);
});

test('constraints pin every character of a word', () => {
  const keys = (q) => S.constraints(S.tokenize(q)).map((c) => c.key + '@' + c.off);
  assert.deepStrictEqual(keys('東京都'), ['b東京@0', 'b京都@1']);
  assert.deepStrictEqual(keys('パスワード'), ['bぱす@0', 'bわー@2', 'bーど@3']);
  assert.deepStrictEqual(keys('ログイン'), ['bろぐ@0', 'bいん@2']);
  assert.deepStrictEqual(keys('第2'), ['e第@0', 'w2@1']);
  assert.deepStrictEqual(keys('KPI表'), ['wkpi@0', 's表@1']);
  assert.deepStrictEqual(keys('予'), ['u予@0']);
  assert.deepStrictEqual(keys('kpi'), ['wkpi@0']);
});

test('with file sizes, a word takes the bigrams whose files cost least', () => {
  const group = new Set(['bすま', 'bまー', 'bとふ', 'bふぉ', 'bぉん']);
  const fileOf = (key) => (group.has(key) ? ['k/1.bin', 15000] : key === 'bーと' ? ['k/2.bin', 35000] : ['t/0.bin', 6144]);
  const keys = (q, f) => S.constraints(S.tokenize(q), f).map((c) => c.key + '@' + c.off);
  // ーと has a large file of its own: まー and とふ (in the file of すま) spell the word instead.
  assert.deepStrictEqual(keys('スマートフォン', fileOf), ['bすま@0', 'bまー@1', 'bとふ@3', 'bぉん@5']);
  assert.deepStrictEqual(keys('スマートフォン'), ['bすま@0', 'bーと@2', 'bふぉ@4', 'bぉん@5']);
  // Equal costs: the fewest bigrams, every other place as without sizes.
  assert.deepStrictEqual(keys('パスワード', () => ['t/0.bin', 6144]), keys('パスワード'));
  assert.deepStrictEqual(keys('KPI表', fileOf), ['wkpi@0', 's表@1']);
});

test('a grouped file gives each bigram its own postings back', () => {
  const bytes = [];
  const varint = (n) => { while (n >= 0x80) { bytes.push((n & 0x7F) | 0x80); n = Math.floor(n / 128); } bytes.push(n); };
  const key = (k) => { const b = new TextEncoder().encode(k); varint(b.length); b.forEach((x) => bytes.push(x)); };
  // 院長 on page 0 at 3 and 10 (body), on page 2 at 0 (title) and 200 (body).
  key('b院長'); varint(2);
  varint(1); varint(2); varint(3 << 2); varint(7 << 2);
  varint(2); varint(2); varint(0 << 2 | 2); varint(200 << 2);
  // 長に follows 院長 except at 10 (page 0, occurrence 1); also on page 1 at 5 and page 2 at 50.
  key('b長に'); varint(0);
  varint(1); varint(1);  // page 0: one miss, index 1
  varint(0);             // page 2: none
  varint(2); varint(2); varint(1); varint(5 << 2); varint(1); varint(1); varint(50 << 2);
  // にお follows 長に everywhere but page 2's 201.
  key('bにお'); varint(1);
  varint(0); varint(0); varint(1); varint(2); varint(0);
  const terms = S.parseGroup(new Uint8Array(bytes).buffer);
  const plain = (k) => terms.get(k).map((p) => [p.page, p.positions, p.fields]);
  assert.deepStrictEqual(plain('b院長'), [[0, [3, 10], [0, 0]], [2, [0, 200], [2, 0]]]);
  assert.deepStrictEqual(plain('b長に'), [[0, [4], [0]], [1, [5], [0]], [2, [1, 50, 201], [2, 0, 0]]]);
  assert.deepStrictEqual(plain('bにお'), [[0, [5], [0]], [1, [6], [0]], [2, [2, 51], [2, 0]]]);
});
