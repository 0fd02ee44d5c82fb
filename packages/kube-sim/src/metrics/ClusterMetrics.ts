import { ApiContext } from '../api/ApiContext';
import { cadvisorFamilies } from './cadvisorMetrics';
import { ContainerCounters } from './ContainerCounters';
import { renderExposition } from './exposition';
import { kubeStateFamilies } from './kubeStateMetrics';
import { SimulatedLoad } from './SimulatedLoad';

/** The content type of Prometheus' text exposition format. */
export const EXPOSITION_CONTENT_TYPE =
  'text/plain; version=0.0.4; charset=utf-8';

/**
 * What a Prometheus scraping one simulated cluster's `/metrics` reads: cAdvisor's container
 * series and kube-state-metrics' object series, in one exposition (a real cluster serves them
 * from each kubelet and from kube-state-metrics).
 */
export class ClusterMetrics {
  private readonly counters = new ContainerCounters();

  constructor(
    private readonly ctx: ApiContext,
    private readonly load: SimulatedLoad,
  ) {}

  scrape(now: number = Date.now()): string {
    return renderExposition([
      ...cadvisorFamilies(this.ctx, {
        counters: this.counters,
        load: this.load,
        now,
      }),
      ...kubeStateFamilies(this.ctx),
    ]);
  }
}
