# Build once, then small runtime images: `api` (Node), `web` (nginx with the SPA, proxying /api) and `pgbouncer`
# (Debian's PgBouncer in transaction pooling mode, configured by deploy/pgbouncer/start.sh).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm i -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build && pnpm deploy --filter @leerwinkel/api --prod --legacy /deploy \
    && cp -r apps/api/dist /deploy/dist

FROM node:20-bookworm-slim AS api
ENV NODE_ENV=production
WORKDIR /app/apps/api
COPY --from=build /deploy /app/apps/api
COPY --from=build /app/libs /app/libs
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]

FROM nginx:1.29-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY deploy/security-headers.conf /etc/nginx/security-headers.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 8080

FROM debian:bookworm-slim AS pgbouncer
RUN apt-get update && apt-get install -y --no-install-recommends pgbouncer && rm -rf /var/lib/apt/lists/* \
    && install -d -o postgres -g postgres /var/lib/pgbouncer-config
COPY deploy/pgbouncer/start.sh /usr/local/bin/pgbouncer-start
ENV CONFIG_DIR=/var/lib/pgbouncer-config
USER postgres
EXPOSE 6432
CMD ["/bin/sh", "/usr/local/bin/pgbouncer-start"]
