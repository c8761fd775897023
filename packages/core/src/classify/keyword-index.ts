// A multi-keyword matcher (Aho-Corasick over lower-cased text): one pass over a line tells
// which keywords it contains, so that only the rules those keywords belong to run their regular
// expressions. Most lines then run one or two expressions instead of every rule's.

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Keyword ids that end at this node, including those reached through fail links. */
  outputs: number[];
}

export class KeywordIndex {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, outputs: [] }];
  // Dense transition table for ASCII after building: nodes x 128, -1 where absent.
  private table: Int32Array = new Int32Array(0);
  private outputsOf: number[][] = [];
  readonly size: number;

  constructor(keywords: readonly string[]) {
    keywords.forEach((keyword, id) => this.insert(keyword.toLowerCase(), id));
    this.size = keywords.length;
    this.build();
  }

  private insert(keyword: string, id: number): void {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const code = keyword.charCodeAt(i);
      let next = this.nodes[state]?.next.get(code);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, outputs: [] });
        this.nodes[state]?.next.set(code, next);
      }
      state = next;
    }
    this.nodes[state]?.outputs.push(id);
  }

  private build(): void {
    const queue: number[] = [];
    const root = this.nodes[0] as Node;
    for (const child of root.next.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const index = queue[head] as number;
      const node = this.nodes[index] as Node;
      for (const [code, child] of node.next) {
        queue.push(child);
        let fail = node.fail;
        while (fail !== 0 && !this.nodes[fail]?.next.has(code)) fail = (this.nodes[fail] as Node).fail;
        const target = this.nodes[fail]?.next.get(code);
        const childNode = this.nodes[child] as Node;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.outputs.push(...(this.nodes[childNode.fail] as Node).outputs);
      }
    }
    // Resolve every ASCII transition once, so matching is a table lookup per character.
    const count = this.nodes.length;
    this.table = new Int32Array(count * 128).fill(0);
    for (let state = 0; state < count; state++) {
      for (let code = 0; code < 128; code++) {
        let s = state;
        for (;;) {
          const next = this.nodes[s]?.next.get(code);
          if (next !== undefined) {
            this.table[state * 128 + code] = next;
            break;
          }
          if (s === 0) {
            this.table[state * 128 + code] = 0;
            break;
          }
          s = (this.nodes[s] as Node).fail;
        }
      }
    }
    this.outputsOf = this.nodes.map((n) => n.outputs);
  }

  /** Marks in `found` (indexed by keyword id) every keyword that occurs in `text`, case-insensitively. */
  scan(text: string, found: Uint8Array): boolean {
    const table = this.table;
    const outputsOf = this.outputsOf;
    let state = 0;
    let any = false;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      else if (code >= 128) {
        state = 0;
        continue;
      }
      state = table[state * 128 + code] as number;
      const outputs = outputsOf[state] as number[];
      if (outputs.length > 0) {
        any = true;
        for (const id of outputs) found[id] = 1;
      }
    }
    return any;
  }
}
