import { optionValue, parseEndpoint } from '../providerProfiles';
import { RenderContext } from '../renderContext';

/** A provider option, its default filled in. */
export function option(ctx: RenderContext, key: string): string | undefined {
  return optionValue(
    ctx.request.providerOptions,
    ctx.providers.infrastructure(ctx.request.provider)!.profile,
    key,
    ctx.request.name,
  );
}

/** A provider option validation requires; throws if it is missing anyway. */
export function requiredOption(ctx: RenderContext, key: string): string {
  const value = option(ctx, key);
  if (value === undefined) {
    throw new Error(
      `providerOptions.${key} is required for ${ctx.request.provider}`,
    );
  }
  return value;
}

/** The `controlPlaneEndpoint` option as host and port. */
export function endpointOption(
  ctx: RenderContext,
): { host: string; port: number } | undefined {
  const value = option(ctx, 'controlPlaneEndpoint');
  return value === undefined ? undefined : parseEndpoint(value);
}

/** The machine template's `spec` around a provider's machine spec. */
export function machineTemplateSpec(spec: Record<string, unknown>) {
  return { spec: { template: { spec } } };
}
