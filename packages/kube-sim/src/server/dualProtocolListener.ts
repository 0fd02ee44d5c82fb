import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ServingCertificate } from './selfSignedCertificate';

/** The first byte of a TLS handshake record; plain HTTP starts with a method's letter. */
const TLS_HANDSHAKE = 0x16;

/**
 * One port that speaks both plain HTTP and HTTPS, told apart by a connection's first byte, so
 * that clients which send credentials only over TLS (kubectl, kubernetes/kubectl#744) and the
 * plain-HTTP clients of tests reach the same simulated cluster. The HTTPS side (and so its
 * certificate) is made on the first TLS connection.
 */
export function dualProtocolListener(
  handler: http.RequestListener,
  certificate: () => ServingCertificate,
) {
  const plain = http.createServer(handler);
  plain.keepAliveTimeout = 5_000;
  let secure: https.Server | undefined;
  const secureServer = () => {
    if (!secure) {
      secure = https.createServer(certificate(), handler);
      secure.keepAliveTimeout = 5_000;
    }
    return secure;
  };
  const sockets = new Set<net.Socket>();
  const listener = net.createServer(socket => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('readable', () => {
      const first: Buffer | null = socket.read(1);
      if (!first) {
        socket.destroy();
        return;
      }
      socket.unshift(first);
      const server = first[0] === TLS_HANDSHAKE ? secureServer() : plain;
      server.emit('connection', socket);
    });
  });
  return {
    listener,
    /** Ends every open connection, idle or not, so that closing the listener finishes. */
    closeAllConnections() {
      plain.closeAllConnections();
      secure?.closeAllConnections();
      for (const socket of sockets) {
        socket.destroy();
      }
    },
  };
}
