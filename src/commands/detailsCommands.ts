import { DetailsPanels, targetOf } from '../webviews/detailsPanel';
import { servicesView } from '../views/viewSpecs';
import { TreeNode } from '../views/nodes';
import { CommandFactory } from './command';
import { nodeFor } from './pickNode';

/** Show Details: a panel for a service, VM or domain (from the palette: pick a service or VM). */
export function showDetails(panels: DetailsPanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.showDetails',
    async run(arg?: unknown) {
      const node =
        arg && typeof arg === 'object' && targetOf(arg as TreeNode)
          ? (arg as TreeNode)
          : await nodeFor(services, arg, 'vm', [servicesView], 'Details of which VM?');
      const target = node && targetOf(node);
      if (target) {
        panels.show(target);
      }
    },
  });
}
