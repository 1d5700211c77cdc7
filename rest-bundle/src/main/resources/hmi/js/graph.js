// Drawing a pipeline with Cytoscape.js: a box per node with its input ports on the left edge and
// its output ports on the right, edges from output port to input port, laid out left to right by
// dagre. The boxes are laid out on their own (through invisible box-to-box edges); the ports follow
// their box. Order edges (node id to node id) go box to box, dashed, and failure paths red and
// labelled; a node's `when` and `join: any` are lines of its box.

// The build fills in Cytoscape's version from cytoscape.version in rest-bundle/pom.xml, its only
// home (the path carries it so that browsers may keep the library for good).
import cytoscape from '../vendor/cytoscape-@cytoscape.version@/cytoscape.esm.min.mjs';
import dagre from '../vendor/cytoscape-dagre-4.0.1/cytoscape-dagre.min.mjs';

import { conditionOf, endOf, isFailurePath, isOrderEdge, nodeIds } from './model.js';

cytoscape.use(dagre);

const WIDTH = 180;
const ROW = 18;
const LINE = 13;
/** Characters that fit on one line of a box: every line is cut to this, so the box fits its label. */
const LINE_CHARS = 30;

const COLORS = {
  pending: '#8c959f', running: '#1f6feb', succeeded: '#1a7f37', failed: '#cf222e',
  skipped: '#8c959f', retrying: '#bf8700', cancelled: '#57606a',
};

const style = [
  { selector: 'node.box', style: {
    shape: 'round-rectangle', width: WIDTH, height: 'data(h)', 'background-color': '#ffffff',
    'border-width': 2, 'border-color': '#8c959f', label: 'data(label)', 'text-wrap': 'wrap',
    'text-max-width': WIDTH - 12, 'font-size': 11, 'line-height': 1.15, 'text-valign': 'top',
    'text-margin-y': 'data(ty)', color: '#1d2733', 'font-family': 'system-ui, sans-serif',
  } },
  { selector: 'node.box:selected', style: { 'border-width': 3, 'border-color': '#1f6feb', 'overlay-opacity': 0 } },
  { selector: 'node.box.invalid', style: { 'border-color': '#cf222e', 'border-style': 'dashed', 'background-color': '#fff5f5' } },
  { selector: 'node.box.st-pending', style: { 'border-color': COLORS.pending, 'background-color': '#f6f8fa' } },
  { selector: 'node.box.st-running', style: { 'border-color': COLORS.running, 'background-color': '#ddf4ff', 'border-width': 3 } },
  { selector: 'node.box.st-retrying', style: { 'border-color': COLORS.retrying, 'background-color': '#fff8c5', 'border-width': 3 } },
  { selector: 'node.box.st-succeeded', style: { 'border-color': COLORS.succeeded, 'background-color': '#dafbe1' } },
  { selector: 'node.box.st-failed', style: { 'border-color': COLORS.failed, 'background-color': '#ffebe9', 'border-width': 3 } },
  { selector: 'node.box.st-skipped', style: { 'border-color': COLORS.skipped, 'border-style': 'dashed', 'background-color': '#eaeef2' } },
  { selector: 'node.box.st-cancelled', style: { 'border-color': COLORS.cancelled, 'border-style': 'dotted', 'background-color': '#eaeef2' } },
  { selector: 'node.port', style: {
    shape: 'ellipse', width: 11, height: 11, 'background-color': '#57606a', 'border-width': 1, 'border-color': '#fff',
    label: 'data(label)', 'font-size': 10, color: '#57606a', 'text-valign': 'center', 'overlay-padding': 4,
  } },
  { selector: 'node.port.in', style: { 'text-halign': 'right', 'text-margin-x': 3 } },
  { selector: 'node.port.out', style: { 'text-halign': 'left', 'text-margin-x': -3 } },
  { selector: 'node.port.required', style: { 'background-color': '#1d2733' } },
  { selector: 'node.port.t-number, node.port.t-integer', style: { 'background-color': '#0969da' } },
  { selector: 'node.port.t-boolean', style: { 'background-color': '#8250df' } },
  { selector: 'node.port.t-string', style: { 'background-color': '#bc4c00' } },
  { selector: 'node.port.armed', style: { 'background-color': '#bf8700', width: 15, height: 15 } },
  { selector: 'node.port.target', style: { 'border-color': '#bf8700', 'border-width': 3 } },
  { selector: 'edge.link', style: {
    width: 2, 'line-color': '#6e7781', 'target-arrow-color': '#6e7781', 'target-arrow-shape': 'triangle',
    'curve-style': 'bezier', 'arrow-scale': 0.8,
  } },
  { selector: 'edge.link:selected', style: { 'line-color': '#1f6feb', 'target-arrow-color': '#1f6feb', width: 3 } },
  { selector: 'edge.link.invalid', style: { 'line-color': '#cf222e', 'target-arrow-color': '#cf222e', 'line-style': 'dashed' } },
  { selector: 'edge.order', style: {
    width: 2, 'line-color': '#57606a', 'target-arrow-color': '#57606a', 'target-arrow-shape': 'triangle',
    'curve-style': 'bezier', 'arrow-scale': 0.9, 'line-style': 'dashed', 'line-dash-pattern': [6, 4],
  } },
  { selector: 'edge.order.failure', style: {
    'line-color': '#cf222e', 'target-arrow-color': '#cf222e', label: 'data(label)', 'font-size': 10, color: '#cf222e',
    'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-background-padding': 2, 'text-rotation': 'autorotate',
  } },
  { selector: 'edge.order:selected', style: { 'line-color': '#1f6feb', 'target-arrow-color': '#1f6feb', width: 3 } },
  { selector: 'edge.order.invalid', style: { 'line-color': '#cf222e', 'target-arrow-color': '#cf222e', 'line-dash-pattern': [2, 3] } },
  { selector: 'node.box.conditional', style: { 'border-style': 'double', 'border-width': 4 } },
  // a call node runs a whole pipeline: cut corners tell it from a function call
  { selector: 'node.box.call', style: { shape: 'cut-rectangle', 'border-width': 3 } },
  { selector: 'node.box.branch-taken', style: { 'border-color': COLORS.succeeded } },
  { selector: 'node.box.branch-not-taken', style: { 'border-color': COLORS.skipped, 'background-color': '#eaeef2' } },
  { selector: 'edge.ghost', style: { opacity: 0, events: 'no', width: 1 } },
];

export const portId = (node, dir, port) => `p|${node}|${dir}|${port}`;
export const boxId = (node) => `n|${node}`;

/** @returns {object} the Cytoscape instance drawing into container */
export function createGraph(container) {
  const cy = cytoscape({
    container, style, elements: [], minZoom: 0.3, maxZoom: 2.5, boxSelectionEnabled: false,
    autoungrabify: false, selectionType: 'single',
  });
  // the container changes size with the page (not only the window): keep taps on what is drawn
  new ResizeObserver(() => cy.resize()).observe(container);
  return cy;
}

/**
 * Replaces what is drawn.
 *
 * @param cy the Cytoscape instance
 * @param {object} model the pipeline definition
 * @param {(id:string)=>object|undefined} fnOf a function's description by id
 * @param {(nodeId:string)=>string[]} extraLines status lines under a node's title
 * @param {Map<string,{x:number,y:number}>} positions kept positions; missing ones get a layout
 * @returns {boolean} whether a layout ran
 */
/** Shows the whole graph, but never magnified beyond 1.3 (a small pipeline stays readable). */
export function fitView(cy) {
  cy.fit(cy.elements(), 30);
  if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
}

/** A loop as it is drawn under the node's title (short, a box is 30 characters wide): ↻ ×3, or ↻ until ready ≤50 /100ms. */
export function repeatLabel(repeat) {
  if (repeat.times) return `↻ ×${repeat.times}`;
  return `↻ until ${repeat.until} ≤${repeat.maxIterations}${repeat.intervalMs ? ` /${repeat.intervalMs}ms` : ''}`;
}

export function draw(cy, model, fnOf, extraLines, positions) {
  const elements = [];
  const ids = nodeIds(model);
  const ghosts = new Set();
  const ghost = (fromNode, toNode) => {
    const id = `g|${fromNode}|${toNode}`;
    if (ids.has(fromNode) && ids.has(toNode) && !ghosts.has(id)) {
      ghosts.add(id);
      elements.push({ group: 'edges', classes: 'ghost', data: { id, source: boxId(fromNode), target: boxId(toNode) } });
    }
  };
  for (const node of model.nodes) {
    const fn = fnOf(node.function, node);
    const inputs = fn ? fn.inputs : [];
    const outputs = fn ? fn.outputs : [];
    const condition = conditionOf(node);
    const call = node.function === 'core.call';
    const sequencing = [
      call ? `calls ${node.params?.pipeline || '?'}${node.params?.version ? ` v${node.params.version}` : ''}` : null,
      condition ? conditionLabel(condition) : null,
      node.join === 'any' ? 'join: any' : null,
      node.repeat ? repeatLabel(node.repeat) : null,
    ].filter(Boolean);
    const lines = [node.id, node.function + (node.device ? ` @ ${node.device}` : ''), ...sequencing, ...extraLines(node.id)]
      .map((line) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS - 1)}…` : line));
    const header = lines.length * LINE + 10;
    const h = header + Math.max(inputs.length, outputs.length, 1) * ROW + 4;
    const classes = ['box', condition ? 'conditional' : null, call ? 'call' : null, node.repeat ? 'loop' : null].filter(Boolean).join(' ');
    elements.push({ group: 'nodes', classes,
      data: { id: boxId(node.id), node: node.id, label: lines.join('\n'), h, header, ty: lines.length * LINE + 6, when: node.when, join: node.join } });
    // a condition orders the node after its source's box, for the layout
    if (condition) ghost(endOf(condition.ref, ids).node, node.id);
    inputs.forEach((p, i) => elements.push({ group: 'nodes', classes: `port in t-${p.type}${p.required ? ' required' : ''}`, grabbable: false, selectable: false,
      data: { id: portId(node.id, 'in', p.name), node: node.id, port: p.name, dir: 'in', type: p.type, index: i, label: p.required ? `${p.name}*` : p.name } }));
    outputs.forEach((p, i) => elements.push({ group: 'nodes', classes: `port out t-${p.type}`, grabbable: false, selectable: false,
      data: { id: portId(node.id, 'out', p.name), node: node.id, port: p.name, dir: 'out', type: p.type, index: i, label: p.name } }));
  }
  const has = new Set(elements.map((e) => e.data.id));
  model.edges.forEach((edge, index) => {
    const from = endOf(edge.from, ids);
    const to = endOf(edge.to, ids);
    if (isOrderEdge(edge, ids)) {
      const failure = isFailurePath(edge);
      elements.push({ group: 'edges', classes: failure ? 'order failure' : 'order',
        data: { id: `e|${index}`, index, source: boxId(from.node), target: boxId(to.node), on: failure ? 'failure' : 'success', label: failure ? 'on failure' : '' } });
    } else {
      const source = portId(from.node, 'out', from.port);
      const target = portId(to.node, 'in', to.port);
      if (has.has(source) && has.has(target)) {
        elements.push({ group: 'edges', classes: 'link', data: { id: `e|${index}`, index, source, target } });
      }
    }
    ghost(from.node, to.node);
  });
  const selected = cy.$(':selected').map((e) => e.id());
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  const boxes = cy.nodes('.box');
  const needsLayout = boxes.some((b) => !positions.has(b.data('node')));
  if (needsLayout) {
    layout(cy, positions);
  } else {
    boxes.forEach((b) => b.position(positions.get(b.data('node'))));
    boxes.forEach((b) => placePorts(cy, b));
  }
  for (const id of selected) cy.getElementById(id).select();
  return needsLayout;
}

/** Lays the boxes out left to right and fits the view. */
export function layout(cy, positions) {
  const boxes = cy.nodes('.box');
  boxes.union(cy.edges('.ghost')).layout({
    name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 90, fit: false, animate: false,
    nodeDimensionsIncludeLabels: false,
  }).run();
  boxes.forEach((b) => { placePorts(cy, b); positions.set(b.data('node'), { ...b.position() }); });
  fitView(cy);
}

/** Puts a box's ports on its left and right edges. */
export function placePorts(cy, box) {
  const { x, y } = box.position();
  const top = y - box.data('h') / 2 + box.data('header');
  cy.nodes(`.port[node = "${box.data('node').replace(/"/g, '\\"')}"]`).forEach((p) => {
    p.position({ x: x + (p.data('dir') === 'in' ? -WIDTH / 2 : WIDTH / 2), y: top + ROW * p.data('index') + ROW / 2 });
  });
}

/** How a box shows its condition: `if weigh.inRange`, `if not weigh.inRange`. */
export const conditionLabel = ({ ref, negated }) => `if ${negated ? 'not ' : ''}${ref}`;
