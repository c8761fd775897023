// Strings a rule's expression matches, generated from the expression itself (randexp), one
// top-level alternative at a time so that every alternative gets its own samples. Used to check
// properties of every rule beyond the labelled lines, such as the keyword index covering each
// alternative's wording.
import RandExp from "randexp";
import { seededRandom } from "./seeded-random.ts";

/** The expression's alternatives at the top level: `a|(?:b|c)|d` -> `a`, `(?:b|c)`, `d`. */
export function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      alternatives.push(source.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/**
 * The source without its lookbehind groups, which randexp cannot read. Dropping one only widens
 * what the source matches, and the text a lookbehind checks is never part of a match.
 */
export function withoutLookbehinds(source: string): string {
  let text = source;
  for (let at = text.search(/\(\?<[!=]/); at >= 0; at = text.search(/\(\?<[!=]/)) {
    let depth = 0;
    let inClass = false;
    let end = at;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === "\\") end++;
      else if (inClass) inClass = c !== "]";
      else if (c === "[") inClass = true;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) break;
    }
    text = text.slice(0, at) + text.slice(end + 1);
  }
  return text;
}

/**
 * Up to `count` strings per top-level alternative that `expression` itself matches (randexp
 * ignores lookaheads, so its strings are checked), as the matched text. Wildcards produce
 * lower-case letters. Seeded: the same expression gives the same samples.
 */
export function expressionSamples(expression: RegExp, count: number, seed = 20261203): string[] {
  const random = seededRandom(seed);
  const samples: string[] = [];
  const flags = expression.flags.replace("g", "");
  for (const alternative of topLevelAlternatives(expression.source)) {
    const generator = new RandExp(new RegExp(withoutLookbehinds(alternative), flags));
    generator.max = 4;
    generator.defaultRange.subtract(0, 0xffff);
    generator.defaultRange.add(97, 122);
    generator.randInt = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
    for (let i = 0; i < count; i++) {
      const match = expression.exec(generator.gen());
      if (match) samples.push(match[0]);
    }
  }
  return samples;
}
