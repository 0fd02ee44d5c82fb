import { z } from 'zod';
import { bodyFlag } from '../validation/inputFields';

const kubernetesName = (what: string) =>
  z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    error: `expected a ${what} (lowercase letters, digits and "-", at most 63 characters)`,
  });

const schedule = z.string({
  error: 'expected a cron schedule such as "0 3 * * *" or @daily',
});
const ttl = z.string({ error: 'expected a duration such as 720h0m0s' });

export const serviceMapBackupBody = z.strictObject({
  name: kubernetesName('backup or schedule name').optional(),
  schedule: schedule.optional(),
  ttl: ttl.optional(),
  dryRun: bodyFlag.optional(),
});

export const clusterBackupBody = serviceMapBackupBody.extend({
  namespace: kubernetesName('namespace').optional(),
});

export const restoreBody = z.strictObject({
  backup: kubernetesName('backup name'),
  name: kubernetesName('restore name').optional(),
  targetNamespace: kubernetesName('namespace').optional(),
  dryRun: bodyFlag.optional(),
});
