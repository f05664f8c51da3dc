/** The env var naming hosts, besides loopback, the playground may reach (the bot's host). Comma-separated. */
export const ALLOWED_HOSTS_ENV = 'VIGIL_PLAYGROUND_ALLOWED_HOSTS';

/**
 * A CommonJS script the playground process loads with `--require` before its own code:
 *
 * 1. It ends the playground when the process that started it is gone, however that one ended (the IPC
 *    channel between them closes).
 * 2. It keeps the playground on this machine. Its bundled Application Insights SDK starts even with
 *    `--disable-telemetry` and dials Azure (the instance metadata address 169.254.169.254 and
 *    `*.in.applicationinsights.azure.com`); so here every connection or name lookup for anything other
 *    than loopback or an allowed host fails as if the host did not exist.
 * 3. It keeps the playground's server on loopback: the CLI has no host option and listens on every
 *    interface, where anyone on the network could drive the demo bot as its admin user.
 */
export const PLAYGROUND_PRELOAD = `'use strict';
// Written by Vigil (src/demo/playground-preload.ts); see there for why.
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.exit(0));
}
const net = require('node:net');
const dns = require('node:dns');
const allowed = new Set((process.env.${ALLOWED_HOSTS_ENV} || '').split(',').filter(Boolean));
const local = (host) =>
  host === undefined || host === null || host === '' || host === 'localhost' || host === '0.0.0.0' ||
  host === '::' || host === '::1' || /^(::ffff:)?127\\./.test(host) || allowed.has(host);
const refusal = (host) =>
  Object.assign(new Error('getaddrinfo ENOTFOUND ' + host + ' (Vigil keeps the playground on loopback)'), {
    code: 'ENOTFOUND', hostname: host,
  });
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (local(hostname)) return lookup.apply(this, arguments);
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(done, refusal(hostname));
  return {};
};
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname, options) {
  return local(hostname) ? promisedLookup.call(this, hostname, options) : Promise.reject(refusal(hostname));
};
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^[0-9]+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first !== null && typeof first === 'object' && first.path === undefined && first.fd === undefined &&
      first.handle === undefined && first._handle === undefined && first.host === undefined) {
    args[0] = Object.assign({}, first, { host: '127.0.0.1' });
  }
  return listen.apply(this, args);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = first !== null && typeof first === 'object' ? first : { port: first, host: args[1] };
  if (typeof target.path !== 'string' && !local(typeof target.host === 'string' ? target.host : undefined)) {
    process.nextTick(() => this.destroy(refusal(target.host)));
    return this;
  }
  return connect.apply(this, args);
};
`;
