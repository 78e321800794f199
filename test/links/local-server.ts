import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 and a random port; each route writes its own answer. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
  url: (path: string) => string;
  port: number;
  /** Every request the server saw: method, path and headers. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

export function send(
  status: number,
  type: string | null,
  body: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
) {
  return ((_req, res) => {
    res.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
    res.end(body);
  }) as Route;
}

export function redirect(to: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}

export async function startServer(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ path, headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else send(404, 'text/plain', 'no such page')(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
