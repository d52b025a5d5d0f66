/*
 * Units of power and energy as one term however written (GW = ギガワット =
 * gigawatt(s): &gw; kWh = キロワット時 = kilowatt-hours: &kwh), the worker's side
 * of build_scripts/search/units.py, which says why.
 */

const PREFIX = { k: "k", m: "m", g: "g", t: "t", kilo: "k", mega: "m", giga: "g", tera: "t", "キロ": "k", "メガ": "m", "ギガ": "g", "テラ": "t" };
// units.py ``UNIT`` is the same pattern
const UNIT = new RegExp(
  "(?<![a-z0-9])(?:[0-9]+(?:\\.[0-9]+)?)?([kmgt])w(h)?(?![a-z0-9])" +
  "|(?<![a-z])(kilo|mega|giga|tera)watts?(?:[ -](hours?))?(?![a-z])" +
  "|(キロ|メガ|ギガ|テラ)ワット(時|アワ)?",
  "g",
);

/** Every unit written in normalised text: [{start, end, key}]. */
export function unitMentions(norm) {
  return [...norm.matchAll(UNIT)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    key: "&" + PREFIX[m[1] || m[3] || m[5]] + "w" + (m[2] || m[4] || m[6] ? "h" : ""),
  }));
}
