import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';

/** "$.nodes[3].next" -> ["nodes", 3, "next"]: the validator's error locations as a path into the document. */
export function pathOf(location: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const [, name, index] of location.replace(/^\$/, '').matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    path.push(index === undefined ? name : Number(index));
  }
  return path;
}

/**
 * Where in the text an error belongs: the property named by its location, or the nearest enclosing
 * value that exists (an error about a missing property points at the object that lacks it).
 */
export function rangeOf(text: string, location: string): { from: number; to: number } {
  const tree = parseTree(text);
  if (!tree) return { from: 0, to: Math.min(text.length, 1) };
  let path = pathOf(location);
  let node: JsonNode | undefined;
  while (!(node = findNodeAtLocation(tree, path)) && path.length) path = path.slice(0, -1);
  node ??= tree;
  // For a property show its key and value; for an object or array only its first line, not all of it.
  const target = node.parent?.type === 'property' ? node.parent : node;
  const end = target.type === 'object' || target.type === 'array' ? Math.min(target.offset + target.length, text.indexOf('\n', target.offset) >>> 0) : target.offset + target.length;
  return { from: target.offset, to: Math.max(end, target.offset + 1) };
}
