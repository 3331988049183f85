import { detailsTargetOf } from '../webviews/detailsTarget';
import { DetailsPanels } from '../webviews/panels';
import { servicesView } from '../views/viewSpecs';
import { TreeNode } from '../views/nodes';
import { CommandFactory } from './command';
import { nodeFor } from '../ui/pickNode';
import * as l10n from '@vscode/l10n';

/** Show Details: a panel for a service, VM or domain (from the palette: pick a service or VM). */
export function showDetails(panels: DetailsPanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.showDetails',
    async run(arg?: unknown) {
      const node =
        arg && typeof arg === 'object' && detailsTargetOf(arg as TreeNode)
          ? (arg as TreeNode)
          : await nodeFor(services, arg, 'vm', [servicesView], l10n.t('Details of which VM?'));
      const target = node && detailsTargetOf(node);
      if (target) {
        await panels.show(target);
      }
    },
  });
}
