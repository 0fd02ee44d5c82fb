/**
 * The signal channel open server pages listen on; each message names the server that changed.
 *
 * @public
 */
export const SERVER_STATUS_CHANNEL = 'cocktail:server-status';

/** @public */
export interface ServerStatusSignal {
  cluster: string;
  namespace: string;
  server: string;
}
