# syntax=docker/dockerfile:1
# One image for both Recoup processes: the API (default command) and the Temporal worker
# (`node workflows/src/worker/main.ts`). Node 24 runs the TypeScript sources directly (type stripping),
# so the only build step is the designer's static bundle.

FROM node:24-bookworm-slim AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    CI=true \
    COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# Corepack installs the pnpm version pinned in package.json's packageManager field.
RUN corepack enable
WORKDIR /app

# Full install (dev dependencies included) to build the designer with Vite.
FROM base AS build
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm install --frozen-lockfile
RUN pnpm --filter @recoup/designer run build

# Production dependencies only: no Jest, Vite, TypeScript or the pinned Node download in the final image.
FROM base AS prod-deps
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm install --frozen-lockfile --prod

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    RECOUP_DATA_DIR=/var/lib/recoup
WORKDIR /app
COPY --from=prod-deps /app /app
COPY --from=build /app/designer/dist /app/designer/dist
RUN mkdir -p /var/lib/recoup && chown node:node /var/lib/recoup
USER node
EXPOSE 3000
CMD ["node", "packages/api/src/main.ts"]
