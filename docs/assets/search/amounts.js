/*
 * Amounts as values, the worker's side of build_scripts/translation/numbers.py
 * and build_scripts/search/amounts.py: $500B = 5000億ドル = half a trillion.
 */

const JA_NUMBER = /(\d+(?:[,，]\d{3})*(?:\.\d+)*)\s*(千)?\s*(兆|億|万)?/g;
const JA_COMPOUND = /(\d+(?:\.\d+)?)\s*兆\s*(\d+(?:[,，]\d{3})*)\s*(千)?\s*億/g;
const JA_FRACTION = /(\d+(?:[,，]\d{3})*)\s*分の\s*(\d+)/g;
const JA_SCALE = { "兆": 1e12, "億": 1e8, "万": 1e4 };
const SLASH_FRACTION = /(?<![\d/.])(\d+)\s*\/\s*(\d+)(?![\d/])/g;
const EN_SCALE = { trillion: 1e12, billion: 1e9, million: 1e6, thousand: 1e3 };
const EN_ABBREVIATION = { t: 1e12, tn: 1e12, b: 1e9, bn: 1e9, m: 1e6, mn: 1e6, k: 1e3 };
const NUMBER_WORDS = [
  ["zero", 0], ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7],
  ["eight", 8], ["nine", 9], ["ten", 10], ["eleven", 11], ["twelve", 12], ["thirteen", 13], ["fourteen", 14],
  ["fifteen", 15], ["sixteen", 16], ["seventeen", 17], ["eighteen", 18], ["nineteen", 19], ["twenty", 20],
  ["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90],
  ["hundred", 100], ["thousand", 1000], ["half", 0.5], ["dozen", 12], ["twice", 2], ["double", 2],
  ["thousandth", 1000], ["hundredth", 100], ["tenth", 10], ["tenfold", 10], ["hundredfold", 100],
  ["thousandfold", 1000], ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5], ["sixth", 6],
  ["seventh", 7], ["eighth", 8], ["ninth", 9], ["january", 1], ["february", 2], ["march", 3], ["april", 4],
  ["june", 6], ["july", 7], ["august", 8], ["september", 9], ["october", 10], ["november", 11], ["december", 12],
];
const NUMBER_WORD = new Map(NUMBER_WORDS);
// Python's \b is Unicode-aware: a boundary between a letter or digit of any script and the rest
const B_BEFORE = "(?<![\\p{L}\\p{N}_])";
const B_AFTER = "(?![\\p{L}\\p{N}_])";
const EN_NUMBER = new RegExp(`(?<![\\d.,])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?:\\s*(trillion|billion|million|thousand)${B_AFTER})?`, "giu");
const EN_ABBREVIATED = /(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(tn|bn|mn|t|b|m|k)(?![A-Za-z0-9])/gi;
const EN_HALF = new RegExp(`${B_BEFORE}half an? (trillion|billion|million)${B_AFTER}`, "giu");
const EN_WORD = new RegExp(
  `${B_BEFORE}(${NUMBER_WORDS.map((w) => w[0]).join("|")})${B_AFTER}(?:[\\s-]+(trillion|billion|million))?`,
  "giu",
);
const EN_MULTIPLE = /(\d+(?:,\d{3})*)(?:-fold|x(?![\p{L}\p{N}_])|-year|-month)/gu;

function toNumber(digits) {
  digits = digits.replace(/[,，]/g, "");
  if ((digits.match(/\./g) || []).length > 1) digits = digits.split(".")[0];
  return parseFloat(digits);
}

function fractionValues(top, bottom) {
  top = toNumber(top);
  bottom = toNumber(bottom);
  return top && bottom ? [top / bottom, bottom / top] : [];
}

/** numbers.py `japanese_values`: [{start, end, values}] of a text. */
export function japaneseValues(text) {
  const found = [], taken = [];
  const take = (m, values) => {
    found.push({ start: m.index, end: m.index + m[0].length, values });
    taken.push([m.index, m.index + m[0].length]);
  };
  for (const m of text.matchAll(JA_COMPOUND)) take(m, [toNumber(m[1]) * 1e12 + toNumber(m[2]) * (m[3] ? 1e11 : 1e8)]);
  for (const m of text.matchAll(JA_FRACTION)) {
    const whole = toNumber(m[1]), part = toNumber(m[2]);
    take(m, [whole, part / whole, whole / part]);
  }
  for (const m of text.matchAll(SLASH_FRACTION)) take(m, fractionValues(m[1], m[2]));
  for (const m of text.matchAll(/半兆/g)) take(m, [5e11]);
  for (const m of text.matchAll(JA_NUMBER)) {
    if (taken.some(([s, e]) => s <= m.index && m.index < e)) continue;
    const value = toNumber(m[1]) * (m[2] ? 1e3 : 1) * (m[3] ? JA_SCALE[m[3]] : 1);
    const values = [value];
    if (m[1].includes(".") && !m[2] && !m[3]) values.push(...m[1].split(".").map(toNumber));
    found.push({ start: m.index, end: m.index + m[0].length, values });
  }
  return found.filter((f) => f.values.some((v) => v !== 0 && v !== 1));
}

/** numbers.py `english_values`, with where each was read. */
export function englishValues(text) {
  const found = [];
  const add = (m, values, primary) => found.push({ start: m.index, end: m.index + m[0].length, values, primary });
  for (const m of text.matchAll(EN_NUMBER)) {
    const n = toNumber(m[1]);
    const scaled = n * (m[2] ? EN_SCALE[m[2].toLowerCase()] : 1);
    add(m, [scaled, n], m[2] ? scaled : null);
  }
  for (const m of text.matchAll(EN_ABBREVIATED)) {
    const v = toNumber(m[1]) * EN_ABBREVIATION[m[2].toLowerCase()];
    add(m, [v], v);
  }
  for (const m of text.matchAll(SLASH_FRACTION)) add(m, fractionValues(m[1], m[2]), "fraction");
  for (const m of text.matchAll(EN_HALF)) {
    const v = 0.5 * EN_SCALE[m[1].toLowerCase()];
    add(m, [v], v);
  }
  for (const m of text.matchAll(EN_WORD)) {
    const v = NUMBER_WORD.get(m[1].toLowerCase()) * (m[2] ? EN_SCALE[m[2].toLowerCase()] : 1);
    add(m, [v], m[2] ? v : null);
  }
  for (const m of text.matchAll(EN_MULTIPLE)) add(m, [toNumber(m[1])], m[0].includes("x") ? toNumber(m[1]) : null);
  return found;
}

/** amounts.py `key`: #5e11, #1.4e12, #1e-3. */
export function amountKey(value) {
  const [mantissa, exponent] = value.toExponential(5).split("e");
  return `#${mantissa.replace(/0+$/, "").replace(/\.$/, "")}e${parseInt(exponent, 10)}`;
}

// a percentage is a value of its own (amounts.py `PERCENT`): 27% = 27パーセント = 27 percent
const PERCENT = /(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:%|パーセント|per\s?cent(?![\p{L}\p{N}_]))/giu;

/** amounts.py `percent_key`: %2.7e1 for 27%. */
export function percentKey(value) {
  return "%" + amountKey(value).slice(1);
}

/** The percentages of a text: [{start, end, key}]. */
export function percents(text) {
  return [...text.matchAll(PERCENT)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: percentKey(parseFloat(m[1])) }));
}

/** amounts.py `terms`: the amount terms of a text in `lang`. */
export function amountTerms(text, lang) {
  text = text.normalize("NFKC");
  const values = new Set();
  for (const f of englishValues(text)) f.values.forEach((v) => values.add(v));
  if (lang === "ja") for (const f of japaneseValues(text)) f.values.forEach((v) => values.add(v));
  const keys = [...values].filter((v) => v > 0 && v !== 1).map(amountKey);
  return new Set([...keys, ...percents(text).map((p) => p.key)]);
}

// In a query, an amount is a number written with a scale, a fraction or a
// multiple ($500B, 5000億, 1/10, 1000x), or a percentage (27%: its keys, `keys`);
// a plain number stays a word (2030).
export const UNIT_WORDS = new Set(["ドル", "ドル", "円", "ポンド", "パーセント", "%", "$", "£", "¥", "dollar", "dollars", "pound", "pounds", "yen", "percent", "usd"]);
export const CURRENCY = /[$£¥€]/g;

export function queryAmounts(norm) {
  const found = percents(norm).map((p) => ({ ...p, keys: [p.key] }));
  const overlaps = (s, e) => found.some((f) => s < f.end && f.start < e);
  for (const f of japaneseValues(norm)) {
    const written = norm.slice(f.start, f.end);
    if (/[兆億万千]|分の|\//.test(written) && !overlaps(f.start, f.end)) found.push(f);
  }
  for (const f of englishValues(norm)) {
    if (f.primary === null || overlaps(f.start, f.end)) continue;
    found.push(f.primary === "fraction" ? f : { ...f, values: [f.primary] });
  }
  return found.sort((a, b) => a.start - b.start);
}
