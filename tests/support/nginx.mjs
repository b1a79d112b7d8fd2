// Debian's nginx in front of Convene nodes, configured with the repository's
// deploy/nginx.conf as shipped, but for the nodes' ports, a free port of ours and a
// folder of our own. Used by tests/http/nodes.test.mjs and bench/soak.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

export const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// `nodes`: servers from startServer (three, as deploy/nginx.conf names three).
// `connections`: nginx's worker_connections (each client holds one, each upstream one more).
export async function startNginx(nodes, { connections = 1024 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'convene-nginx-'));
  const port = await freePort();
  const ports = nodes.map((n) => new URL(n.base).port);
  let site = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
  // One `server` line per node, written as the file's first one is.
  const named = site.match(/^ *server 127\.0\.0\.1:808\d[^\n]*\n/gm);
  if (!named) throw new Error('deploy/nginx.conf names no node');
  site = site.replace(named.join(''), ports.map((p) => named[0].replace(/808\d/, p)).join(''));
  site = site.replace('listen 80;', `listen 127.0.0.1:${port};`).replace('/var/cache/nginx/convene', join(dir, 'cache'));
  writeFileSync(join(dir, 'convene.conf'), site);
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'nginx.conf'), `${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
worker_rlimit_nofile ${connections * 2 + 64};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections ${connections}; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/convene.conf;
}
`);
  execFileSync(nginxBin, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon on;']);
  const base = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 5000; ;) {
    try { if ((await fetch(base + '/')).status === 200) break; } catch (e) { if (Date.now() > until) throw e; }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base, dir,
    errorLog: () => { try { return readFileSync(join(dir, 'error.log'), 'utf8'); } catch { return ''; } },
    stop() {
      if (existsSync(join(dir, 'nginx.pid'))) spawnSync(nginxBin, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-s', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
