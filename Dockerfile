# Production image of the API server (used by docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --no-audit --no-fund
COPY server server
COPY bench bench
COPY admin admin
RUN npm run build

FROM node:20-bookworm-slim
# Outside production the server listens on 127.0.0.1 by default; in a container it must face the network.
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/admin/dist admin/dist
USER node
EXPOSE 4000
CMD ["node", "server/dist/server/src/main.js"]
