import { Manifest } from '../../rendering/types';
import { SelfManagedInfrastructure } from '../infrastructure/types';
import { RenderContext } from '../renderContext';
import { NodePoolRequest } from '../types';

/**
 * A control-plane provider with its matching bootstrap provider for workers.
 *
 * @public
 */
export interface BootstrapProvider {
  /** `group/Kind` of the control plane. */
  controlPlaneKind: string;
  /** `group/Kind` of the workers' bootstrap config template. */
  configTemplateKind: string;
  renderControlPlane(
    ctx: RenderContext,
    infra: SelfManagedInfrastructure,
  ): Manifest;
  renderConfigTemplate(
    ctx: RenderContext,
    infra: SelfManagedInfrastructure,
    pool: NodePoolRequest,
    name: string,
  ): Manifest;
}
