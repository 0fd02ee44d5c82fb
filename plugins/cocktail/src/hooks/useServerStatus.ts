import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  SERVER_STATUS_CHANNEL,
  ServerStatus,
  ServerStatusSignal,
} from '@cocktailcloud/plugin-cocktail-common';
import { useRef } from 'react';
import { cocktailApiRef, ServerName } from '../api';
import { useLiveResource } from './useLiveResource';

/**
 * A server's live status: reloaded when the backend signals a change to this server, and every
 * 30 s when no signal comes (signals unavailable, or nothing changed).
 */
export function useServerStatus(server: ServerName) {
  const api = useApi(cocktailApiRef);
  const { lastSignal } = useSignal<ServerStatusSignal & Record<string, any>>(
    SERVER_STATUS_CHANNEL,
  );
  const lastValue = useRef<ServerStatus>();
  // The signal names the Kubernetes namespace, known once the first status has loaded.
  const concernsServer =
    lastSignal?.server === server.name &&
    (!lastValue.current ||
      lastSignal.namespace === lastValue.current.namespace);
  const state = useLiveResource(
    () => api.getServerStatus(server),
    [api, server.namespace, server.name],
    concernsServer ? lastSignal : undefined,
  );
  if (state.value) {
    lastValue.current = state.value;
  }
  return { ...state, value: state.value ?? lastValue.current };
}
