// Pipelines view (placeholder until the editor lands).
import { h } from './dom.js';

export function mountPipelines(root) {
  root.replaceChildren(h('p.muted', {}, 'Pipelines: coming next.'));
}
