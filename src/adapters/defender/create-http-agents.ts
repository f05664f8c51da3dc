import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/** Keep-alive agents for the Defender hosts; an extra CA (the simulator's) is trusted beside the usual ones. */
export function createHttpAgents(trustedCaPem?: string): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  return {
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({
      keepAlive: true,
      ...(trustedCaPem ? { ca: [...rootCertificates, trustedCaPem] } : {}),
    }),
  };
}
