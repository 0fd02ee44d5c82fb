import { Cidr, cidrsOverlap, parseCidr } from '../cidr';
import { Issues } from './requestReader';
import { ClusterRequest } from '../types';

/** Calico's default pool and kubeadm's default service range, as the upstream templates use. */
export const DEFAULT_POD_CIDRS = ['192.168.0.0/16'];
export const DEFAULT_SERVICE_CIDRS = ['10.96.0.0/12'];

function validateCidrList(
  issues: Issues,
  field: string,
  value: unknown,
): Array<{ text: string; cidr: Cidr }> | undefined {
  const list = issues.array(field, value);
  if (!list) {
    return undefined;
  }
  if (list.length === 0 || list.length > 2) {
    issues.add(
      field,
      `expected one block, or two for dual-stack (one IPv4, one IPv6), got ${list.length}`,
    );
  }
  const blocks: Array<{ text: string; cidr: Cidr }> = [];
  list.forEach((raw, index) => {
    const text = issues.requiredString(`${field}[${index}]`, raw);
    if (text === undefined) {
      return;
    }
    const cidr = parseCidr(text);
    if (!cidr) {
      issues.add(
        `${field}[${index}]`,
        `expected a CIDR block like 10.0.0.0/16 or fd00::/48, got "${text}"`,
      );
      return;
    }
    blocks.push({ text, cidr });
  });
  if (blocks.length === 2 && blocks[0].cidr.family === blocks[1].cidr.family) {
    issues.add(
      field,
      `expected one IPv4 and one IPv6 block for dual-stack, got two IPv${blocks[0].cidr.family} blocks`,
    );
  }
  return blocks;
}

/**
 * Pod and service ranges: valid, at most one per family, not overlapping. Self-managed
 * clusters get the upstream defaults; managed services pick their own when none are given.
 */
export function validateNetwork(
  issues: Issues,
  value: unknown,
  managed: boolean,
): ClusterRequest['network'] {
  const network = issues.object('network', value, ['podCidrs', 'serviceCidrs']);
  const pods = validateCidrList(issues, 'network.podCidrs', network?.podCidrs);
  const services = validateCidrList(
    issues,
    'network.serviceCidrs',
    network?.serviceCidrs,
  );
  for (const pod of pods ?? []) {
    for (const service of services ?? []) {
      if (cidrsOverlap(pod.cidr, service.cidr)) {
        issues.add(
          'network',
          `expected pod and service ranges not to overlap, got ${pod.text} and ${service.text}`,
        );
      }
    }
  }
  const podCidrs = pods?.map(block => block.text);
  const serviceCidrs = services?.map(block => block.text);
  if (managed) {
    return podCidrs || serviceCidrs
      ? {
          ...(podCidrs && { podCidrs }),
          ...(serviceCidrs && { serviceCidrs }),
        }
      : undefined;
  }
  return {
    podCidrs: podCidrs ?? DEFAULT_POD_CIDRS,
    serviceCidrs: serviceCidrs ?? DEFAULT_SERVICE_CIDRS,
  };
}
