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
