# Vigil, the production bot, in a container (docs/setup.md, "Deploy").
#
#   docker build -t vigil .
#   docker run -d --name vigil --restart unless-stopped --stop-timeout 20 \
#     --env-file .env -p 3978:3978 -v vigil-data:/data vigil
#
# The image runs `node dist/src/index.js` as the unprivileged user `node`; the SQLite store lives in the
# volume /data (VIGIL_DB=/data/vigil.db). Put a TLS-terminating proxy or an Azure ingress in front: Teams
# only calls https:// messaging endpoints.

ARG NODE_VERSION=20

# --- build: every dependency, the TypeScript compiler, and the tools for better-sqlite3 ----------------
# node:<version>-bookworm carries python3, make and g++, so better-sqlite3's install script can compile
# its native addon when no prebuilt binary can be downloaded.
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY cards ./cards
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: Node, the production dependencies (with the compiled addon) and the compiled code ------
# The same Debian release as the build stage, so the native addon finds the same C library.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    VIGIL_DB=/data/vigil.db
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3978
# The slim image has no curl: Node asks GET /healthz itself (Vigil listens on 0.0.0.0 in production).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/index.js"]
