/**
 * The registry's organ tree as the organ comparison and organ scorecards need it: an
 * organ with everything below it, the deepest organ above a set of organs, and the
 * branch of a chosen organ that each organ falls in.
 */
export interface TreeOrgan {
  id: string;
  name: string;
  parentId?: string;
}

export class OrganTree {
  private readonly byId = new Map<string, TreeOrgan>();
  private readonly children = new Map<string, string[]>();

  constructor(organs: readonly TreeOrgan[]) {
    for (const o of organs) this.byId.set(o.id, o);
    for (const o of organs) {
      // A parent outside the registry makes the organ a root.
      const parent = o.parentId && this.byId.has(o.parentId) ? o.parentId : '';
      const list = this.children.get(parent) ?? [];
      list.push(o.id);
      this.children.set(parent, list);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): TreeOrgan | undefined {
    return this.byId.get(id);
  }

  /** Children of an organ; of '' the roots. */
  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /** From the root down to the organ (empty when unknown). A cycle ends the walk. */
  pathOf(id: string): string[] {
    const path: string[] = [];
    const seen = new Set<string>();
    let at = this.byId.get(id);
    while (at && !seen.has(at.id)) {
      seen.add(at.id);
      path.push(at.id);
      at = at.parentId ? this.byId.get(at.parentId) : undefined;
    }
    return path.reverse();
  }

  /** The organ and every organ below it. */
  subtree(id: string): Set<string> {
    const out = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const child of this.childrenOf(stack.pop() as string)) {
        if (!out.has(child)) {
          out.add(child);
          stack.push(child);
        }
      }
    }
    return out;
  }

  /** The deepest organ that is, or is above, every one of `ids` known to the tree; '' when none is. */
  commonRoot(ids: Iterable<string>): string {
    let common: string[] | undefined;
    for (const id of ids) {
      const path = this.pathOf(id);
      if (path.length === 0) continue;
      if (!common) {
        common = path;
        continue;
      }
      let n = 0;
      while (n < common.length && n < path.length && common[n] === path[n]) n++;
      common = common.slice(0, n);
      if (common.length === 0) return '';
    }
    return common?.at(-1) ?? '';
  }

  /**
   * The branch of `root` an organ falls in: the child of `root` on its path, `root`
   * itself for the root, and undefined for organs elsewhere ('' as root: the top organ).
   */
  branchOf(root: string, id: string): string | undefined {
    const path = this.pathOf(id);
    if (root === '') return path[0];
    const at = path.indexOf(root);
    if (at < 0) return undefined;
    return path[at + 1] ?? root;
  }
}
