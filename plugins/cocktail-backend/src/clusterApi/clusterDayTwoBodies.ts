import { z } from 'zod';
import { bodyFlag } from '../validation/inputFields';

const kubernetesName = (what: string, example: string) =>
  z
    .string({ error: `expected the ${what}, such as ${example}` })
    .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, {
      error: `expected a ${what} (lowercase letters, digits, "-" and ".")`,
    });

const dryRun = (body: { dryRun?: boolean }) => body.dryRun === true;

export const removeNodePoolBody = z
  .strictObject({
    nodePool: kubernetesName('node pool name', 'workers'),
    dryRun: bodyFlag.optional(),
  })
  .transform(body => ({ nodePool: body.nodePool, dryRun: dryRun(body) }));

export const replaceMachineBody = z
  .strictObject({
    machine: kubernetesName('Machine or node name', 'demo-workers-x7k2p'),
    dryRun: bodyFlag.optional(),
  })
  .transform(body => ({ machine: body.machine, dryRun: dryRun(body) }));

export const deleteClusterBody = z
  .strictObject({
    confirm: z
      .string({ error: "expected the cluster's name, typed to confirm" })
      .optional(),
    force: bodyFlag.optional(),
    dryRun: bodyFlag.optional(),
  })
  .transform(body => ({
    confirm: body.confirm,
    force: body.force === true,
    dryRun: dryRun(body),
  }));

export const clusterAddonBody = z
  .strictObject({
    addon: kubernetesName('add-on name', 'calico'),
    action: z.enum(['install', 'upgrade', 'remove'], {
      error: 'expected install, upgrade or remove',
    }),
    dryRun: bodyFlag.optional(),
  })
  .transform(body => ({
    addon: body.addon,
    action: body.action,
    dryRun: dryRun(body),
  }));
