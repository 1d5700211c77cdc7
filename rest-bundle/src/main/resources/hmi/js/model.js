// Reading a pipeline definition the way the server does. Node ids may contain dots, so an edge end
// is the node itself when it equals a node id exactly (an order edge), and otherwise `node.port`
// split at the last dot (a data edge). Graph, editor and run view all go through here.

/**
 * @param {string} ref an edge end (or a `when` without its `!`)
 * @param {Set<string>|{nodes:{id:string}[]}} ids the pipeline's node ids, or the pipeline
 * @returns {{node:string, port:string|null}} port is null for a node end
 */
export function endOf(ref, ids) {
  const known = ids instanceof Set ? ids : nodeIds(ids);
  const text = String(ref);
  if (known.has(text)) return { node: text, port: null };
  const dot = text.lastIndexOf('.');
  return dot < 0 ? { node: text, port: '' } : { node: text.slice(0, dot), port: text.slice(dot + 1) };
}

/** @returns {Set<string>} the ids of a pipeline's nodes */
export const nodeIds = (model) => new Set((model.nodes || []).map((n) => n.id));

/** Whether an edge orders two nodes (both ends node ids) rather than carrying a value. */
export function isOrderEdge(edge, ids) {
  return endOf(edge.from, ids).port === null && endOf(edge.to, ids).port === null;
}

/** Whether an edge is a failure path: its target runs only when its source failed. */
export const isFailurePath = (edge) => edge.on === 'failure';

/** @returns {{ref:string, negated:boolean}|null} a node's `when`, split into its output and negation */
export function conditionOf(node) {
  if (!node || typeof node.when !== 'string' || !node.when) return null;
  const negated = node.when.startsWith('!');
  return { ref: negated ? node.when.slice(1) : node.when, negated };
}

/** Whether an edge touches a node (either end). */
export function touches(edge, nodeId, ids) {
  return endOf(edge.from, ids).node === nodeId || endOf(edge.to, ids).node === nodeId;
}
