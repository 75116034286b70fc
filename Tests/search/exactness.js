#!/usr/bin/env node
// Exactness of the search over a built site: for a few hundred queries drawn from the indexed
// pages (words, phrases, two-word queries, width and kana variants, absent words), the client's
// result set must equal the set of pages whose normalised text contains every query word (Latin
// words as whole words; synonyms expanded). Usage: exactness.js OUTPUT/public [QUERIES] [SEED]
'use strict';
const fs = require('fs');
const path = require('path');
const S = require('../../templates/assets/search.js');

const root = process.argv[2];
// `exactness.js PUBLIC --truth q…` prints, as JSON, the URLs each query must find (for benchmarks).
const truthQueries = process.argv[3] === '--truth' ? process.argv.slice(4) : null;
const wanted = Number(process.argv[3] || 300);
let seed = Number(process.argv[4] || 20261201);
if (!root) { console.error('usage: exactness.js OUTPUT/public [QUERIES] [SEED]'); process.exit(2); }
const base = path.join(root, 'search') + '/';
const fetcher = (url, kind) => Promise.resolve(kind === 'bin' ? new Uint8Array(fs.readFileSync(url)).buffer
                                                               : JSON.parse(fs.readFileSync(url, 'utf8')));
function random() { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; }
function pick(list) { return list[Math.floor(random() * list.length)]; }

// Variants a reader types: half-width katakana, hiragana for katakana, full-width Latin.
const HALF = { 'ア':'ｱ','イ':'ｲ','ウ':'ｳ','エ':'ｴ','オ':'ｵ','カ':'ｶ','キ':'ｷ','ク':'ｸ','ケ':'ｹ','コ':'ｺ','サ':'ｻ','シ':'ｼ','ス':'ｽ','セ':'ｾ','ソ':'ｿ',
  'タ':'ﾀ','チ':'ﾁ','ツ':'ﾂ','テ':'ﾃ','ト':'ﾄ','ナ':'ﾅ','ニ':'ﾆ','ヌ':'ﾇ','ネ':'ﾈ','ノ':'ﾉ','ハ':'ﾊ','ヒ':'ﾋ','フ':'ﾌ','ヘ':'ﾍ','ホ':'ﾎ',
  'マ':'ﾏ','ミ':'ﾐ','ム':'ﾑ','メ':'ﾒ','モ':'ﾓ','ヤ':'ﾔ','ユ':'ﾕ','ヨ':'ﾖ','ラ':'ﾗ','リ':'ﾘ','ル':'ﾙ','レ':'ﾚ','ロ':'ﾛ','ワ':'ﾜ','ヲ':'ｦ','ン':'ﾝ',
  'ァ':'ｧ','ィ':'ｨ','ゥ':'ｩ','ェ':'ｪ','ォ':'ｫ','ャ':'ｬ','ュ':'ｭ','ョ':'ｮ','ッ':'ｯ','ー':'ｰ',
  'ガ':'ｶﾞ','ギ':'ｷﾞ','グ':'ｸﾞ','ゲ':'ｹﾞ','ゴ':'ｺﾞ','ザ':'ｻﾞ','ジ':'ｼﾞ','ズ':'ｽﾞ','ゼ':'ｾﾞ','ゾ':'ｿﾞ','ダ':'ﾀﾞ','ヂ':'ﾁﾞ','ヅ':'ﾂﾞ','デ':'ﾃﾞ','ド':'ﾄﾞ',
  'バ':'ﾊﾞ','ビ':'ﾋﾞ','ブ':'ﾌﾞ','ベ':'ﾍﾞ','ボ':'ﾎﾞ','パ':'ﾊﾟ','ピ':'ﾋﾟ','プ':'ﾌﾟ','ペ':'ﾍﾟ','ポ':'ﾎﾟ','ヴ':'ｳﾞ' };
function halfWidth(text) { return Array.from(text).map((c) => HALF[c] || c).join(''); }
function hiragana(text) { return Array.from(text).map((c) => { const cp = c.codePointAt(0); return cp >= 0x30A1 && cp <= 0x30F6 ? String.fromCodePoint(cp - 0x60) : c; }).join(''); }
function fullWidth(text) { return Array.from(text).map((c) => { const cp = c.codePointAt(0); return cp > 0x20 && cp < 0x7F ? String.fromCodePoint(cp + 0xFEE0) : c; }).join(''); }

function isLatin(ch) { return ch !== ' ' && !/[\u3041-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005-\u3007\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]|[\u{20000}-\u{3FFFF}]/u.test(ch); }

// The oracle: does the normalised word `w` occur in the normalised text `n`?
function occurs(w, n) {
  const chars = Array.from(n), word = Array.from(w);
  for (let i = 0; i + word.length <= chars.length; i++) {
    let same = true;
    for (let k = 0; k < word.length; k++) if (chars[i + k] !== word[k]) { same = false; break; }
    if (!same) continue;
    if (isLatin(word[0]) && i > 0 && isLatin(chars[i - 1])) continue;
    if (isLatin(word[word.length - 1]) && i + word.length < chars.length && isLatin(chars[i + word.length])) continue;
    return true;
  }
  return false;
}

(async () => {
  const manifest = JSON.parse(fs.readFileSync(base + 'index.json', 'utf8'));
  const index = new S.Index(base, fetcher);
  await index.load();
  const pages = [];
  for (let p = 0; p < manifest.pages; p++) pages.push(await index.page(p));
  const normalised = pages.map((p) => S.normalize(p.title + '\n' + p.text));
  const synonyms = new Map();
  manifest.synonyms.forEach((group) => group.forEach((w) => synonyms.set(w, group)));

  function expected(query) {
    const words = S.queryWords(query).map((w) => w.map((t) => t.v).join(''));
    if (!words.length) return new Set();
    const result = new Set();
    normalised.forEach((n, p) => {
      if (words.every((w) => (synonyms.get(w) || [w]).some((alt) => occurs(alt, n)))) result.add(p);
    });
    return result;
  }

  if (truthQueries) {
    const out = {};
    for (const q of truthQueries) out[q] = [...expected(q)].map((p) => pages[p].url).sort();
    console.log(JSON.stringify(out));
    return;
  }

  function window(page, maxTokens) {
    const text = page.title + '\n' + page.text, tokens = S.tokenize(text);
    if (!tokens.length) return null;
    const start = Math.floor(random() * tokens.length), length = 1 + Math.floor(random() * maxTokens);
    let end = start;
    while (end + 1 < tokens.length && end - start + 1 < length && tokens[end + 1].p === tokens[end].p + 1) end++;
    return text.slice(tokens[start].s, tokens[end].e);
  }

  const queries = new Set(['東京都', '京都', 'サーバ', 'サーバー', 'ﾛｸﾞｲﾝ', 'ＫＰＩ', 'kpi', '予', 'ログイン 設定', '存在しない語句ですね', 'zzzqqq']);
  let guard = 0;
  while (queries.size < wanted && guard++ < wanted * 20) {
    const page = pick(pages), kind = random();
    let q = window(page, kind < 0.3 ? 2 : 6);
    if (!q || !q.trim()) continue;
    if (kind > 0.55 && kind < 0.65) q = halfWidth(q);
    else if (kind >= 0.65 && kind < 0.72) q = hiragana(q);
    else if (kind >= 0.72 && kind < 0.8) q = fullWidth(q);
    else if (kind >= 0.8) { const other = window(pick(pages), 3); if (other) q = q + (random() < 0.5 ? ' ' : '\u3000') + other; }
    queries.add(q);
  }

  let failures = 0, hits = 0;
  for (const q of queries) {
    const got = new Set((await index.search(q)).map((r) => r.page)), want = expected(q);
    hits += want.size;
    const missing = [...want].filter((p) => !got.has(p)), extra = [...got].filter((p) => !want.has(p));
    if (missing.length || extra.length) {
      failures++;
      if (failures <= 10) console.error(`MISMATCH ${JSON.stringify(q)}: missing ${missing.map((p) => pages[p].url)} extra ${extra.map((p) => pages[p].url)}`);
    }
  }
  console.log(`search exactness: ${queries.size - failures}/${queries.size} queries exact over ${pages.length} pages (${hits} expected hits)`);
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
