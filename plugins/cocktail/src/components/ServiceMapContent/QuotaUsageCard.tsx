import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { QuotaUsage } from '@cocktailcloud/plugin-cocktail-common';
import { QUOTA_RESOURCES, quotaValue } from '../common/quota';
import { UsageBar } from '../common/UsageBar';

/** The namespace's ResourceQuota: used against hard, per resource. */
export function QuotaUsageCard(props: { quota: QuotaUsage }) {
  const { quota } = props;
  const rows = QUOTA_RESOURCES.map(resource => ({
    ...resource,
    hard: quotaValue(quota.hard, resource.quotaKeys),
    used: quotaValue(quota.used, resource.quotaKeys) ?? 0,
  })).filter(row => row.hard !== undefined);
  return (
    <InfoCard
      title="Namespace quota"
      subheader={`ResourceQuota in ${quota.namespace} on ${quota.cluster}`}
    >
      {quota.error && (
        <Typography color="error" paragraph>
          Could not read the quota: {quota.error}
        </Typography>
      )}
      {!quota.error && !quota.found && (
        <Typography color="textSecondary">
          Namespace {quota.namespace} has no ResourceQuota, so nothing limits
          what it uses. Provision the ServiceMap to create one from its quota.
        </Typography>
      )}
      {rows.map(row => (
        <Box key={row.key} mb={1.5}>
          <UsageBar
            label={row.label}
            used={row.used}
            limit={row.hard}
            format={value => (value === undefined ? '—' : row.format(value))}
          />
        </Box>
      ))}
    </InfoCard>
  );
}
