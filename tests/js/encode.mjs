// Index files written the way build_scripts/search/index.py writes them, for the tests.
export function varints(numbers) {
  const out = [];
  for (let n of numbers) {
    while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
    out.push(n);
  }
  return out;
}
export function encodeTerm(term, fields) {
  const name = [...new TextEncoder().encode(term)];
  const out = [...varints([name.length]), ...name];
  let mask = 0;
  for (const f of Object.keys(fields)) mask |= 1 << Number(f);
  out.push(mask);
  for (const f of Object.keys(fields).sort()) {
    const ids = fields[f];
    out.push(...varints([ids.length, ...ids.map((id, i) => (i ? id - ids[i - 1] : id))]));
  }
  return out;
}
