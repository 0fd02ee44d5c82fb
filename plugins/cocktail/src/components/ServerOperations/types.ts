import {
  CocktailServerEntityV1alpha1,
  ServerStatus,
} from '@cocktailcloud/plugin-cocktail-common';
import { ServerName } from '../../api';

/** What every operation's dialog gets. */
export interface OperationProps {
  server: ServerName;
  entity: CocktailServerEntityV1alpha1;
  status?: ServerStatus;
  open: boolean;
  onClose: () => void;
}

export function summarizeResult(result: unknown): string {
  if (result && typeof result === 'object' && 'object' in result) {
    const r = result as { object: string; resourceVersion?: string };
    return `Applied to ${r.object}${
      r.resourceVersion ? ` (resourceVersion ${r.resourceVersion})` : ''
    }.`;
  }
  if (result && typeof result === 'object' && 'autoscaling' in result) {
    return `Autoscaling ${(result as { autoscaling: string }).autoscaling}.`;
  }
  return 'Done.';
}
