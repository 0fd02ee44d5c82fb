/** The signal channel open server pages listen on; each message names the server that changed. */
export const SERVER_STATUS_CHANNEL = 'cocktail:server-status';

export interface ServerStatusSignal {
  cluster: string;
  namespace: string;
  server: string;
}
