import type { Organ } from '../../../shared/domain/registry';

export interface OrganTreeNode {
  key: string;
  value: string;
  title: string;
  children: OrganTreeNode[];
  /** For styling deactivated organs in the tree. */
  active: boolean;
}

/**
 * The organs as a forest: children under their parent, sorted by level then name.
 * An organ whose parent is not among `organs` (filtered out, or missing) becomes a root.
 */
export function organTreeData(organs: readonly Organ[]): OrganTreeNode[] {
  const nodes = new Map<string, OrganTreeNode>();
  for (const organ of organs) {
    nodes.set(organ.id, { key: organ.id, value: organ.id, title: organ.name, children: [], active: organ.active });
  }
  const roots: OrganTreeNode[] = [];
  const rank = new Map(
    organs.map((o) => [o.id, `${['province', 'city', 'county', 'township'].indexOf(o.level)}${o.name}`]),
  );
  for (const organ of organs) {
    const node = nodes.get(organ.id) as OrganTreeNode;
    const parent = organ.parentId ? nodes.get(organ.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrganTreeNode[]) => {
    list.sort((a, b) => (rank.get(a.key) ?? '').localeCompare(rank.get(b.key) ?? '', 'zh-CN', { numeric: true }));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
