// The HTTP server around the app, as `ortsband serve` should start it: every
// answer the server gives by itself, before the app sees a request, has a
// body that says what was wrong. Two such answers exist:
//
// - Node's parser refuses a request line with bytes that are not URL
//   characters (a script or curl sending `/avtal?q=兰州` unencoded); by
//   default it closes with a bare 400. Reading such lines would take Node's
//   lenient ("insecure") parser, which also relaxes header parsing that
//   guards against request smuggling, so they are explained instead.
// - @hono/node-server refuses a request whose Host header or target cannot
//   make a URL (a 400 with no body by default).
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';

const NOT_ENCODED =
  'Felaktig förfrågan: adressen innehåller tecken som måste procentkodas (UTF-8), till exempel /avtal?q=%E5%85%B0%E5%B7%9E för /avtal?q=兰州. En webbläsare gör det själv.\n' +
  'Bad request: the address holds characters that must be percent-encoded (UTF-8), such as /avtal?q=%E5%85%B0%E5%B7%9E for /avtal?q=兰州. A browser does this itself.\n';
const UNREADABLE =
  'Felaktig förfrågan: förfrågan kunde inte läsas som HTTP.\n' + 'Bad request: the request could not be read as HTTP.\n';
const BAD_TARGET =
  'Felaktig förfrågan: adressen eller Host-huvudet går inte att läsa som en webbadress.\n' + 'Bad request: the address or the Host header cannot be read as a URL.\n';

function plain(status: number, reason: string, body: string) {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${bytes.length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n`, 'latin1'),
    bytes,
  ]);
}

/** Node's 'clientError': the request could not be parsed. */
export function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const answer =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? plain(431, 'Request Header Fields Too Large', 'Förfrågans huvuden är för stora.\nThe request headers are too large.\n')
      : error.code === 'HPE_INVALID_URL' || error.code === 'HPE_INVALID_METHOD'
        ? plain(400, 'Bad Request', NOT_ENCODED)
        : plain(400, 'Bad Request', UNREADABLE);
  socket.end(answer);
}

/** @hono/node-server's request errors: a Host header or target that makes no URL. */
export const requestErrorAnswer = () => new Response(BAD_TARGET, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

/**
 * Starts the server: the app's answers, and a body on the server's own.
 * @hono/node-server's serve() does not pass an errorHandler on, so the
 * server is made here from its request listener.
 */
export function startServer(app: { fetch: (request: Request) => Response | Promise<Response> }, options: { port: number; hostname: string }, onListening?: (info: AddressInfo) => void): Server {
  const server = createServer(getRequestListener(app.fetch, { hostname: options.hostname, errorHandler: requestErrorAnswer }));
  server.on('clientError', answerClientError);
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
