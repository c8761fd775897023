// Says exactly what to do when PostgreSQL or Redis cannot be reached.
import net from "node:net";

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || "127.0.0.1", port: Number(port || defaultPort) });
    socket.setTimeout(2000);
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tunnelwatch";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const problems = [];
if (!(await reachable(databaseUrl, 5432))) {
  problems.push(`PostgreSQL is not answering at ${new URL(databaseUrl).host}.
  Install:  sudo apt-get install -y postgresql      (Debian/Ubuntu; or use compose.yaml with Docker)
  Start:    sudo pg_ctlcluster $(ls /etc/postgresql 2>/dev/null | head -1 || echo 15) main start
  Or point DATABASE_URL in .env at your server.`);
}
if (!(await reachable(redisUrl, 6379))) {
  problems.push(`Redis is not answering at ${new URL(redisUrl).host}.
  Install:  sudo apt-get install -y redis-server
  Start:    redis-server --daemonize yes --bind 127.0.0.1 --port 6379
  Or point REDIS_URL in .env at your server.`);
}
if (problems.length) {
  console.error(problems.join("\n\n"));
  process.exit(1);
}
console.log("PostgreSQL and Redis are reachable.");
