/** Raw HTTP for the web-mode tests: lets a test send any Host, Origin or cookie (fetch would not). */
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Does what the page does with the address `serve` printed: trades its one-time launch code for the API token. */
export async function tradeLaunchCode(address: string): Promise<string> {
  const u = new URL(address);
  const r = await send(Number(u.port), { method: 'POST', path: '/api/session', headers: { host: u.host, 'x-claimtrail-launch': u.searchParams.get('launch') ?? '' } });
  if (r.status !== 200) throw new Error(`POST /api/session: ${r.status} ${r.body}`);
  return (JSON.parse(r.body) as { value: { token: string } }).value.token;
}

/** `case.info` through the address `serve` printed (its launch code is spent): what a fresh tab sees first. */
export async function caseInfoAt(address: string): Promise<{ ok: boolean; value: { counts: { claims: number } } }> {
  const u = new URL(address);
  const token = await tradeLaunchCode(address);
  const r = await send(Number(u.port), {
    method: 'POST',
    path: '/api/case.info',
    headers: { host: u.host, 'content-type': 'application/json', 'x-claimtrail-token': token },
    body: '{}',
  });
  return JSON.parse(r.body);
}
