# partnerflow: one image for both halves of the production shape.
#   API:    the default command (what `npm run api` runs)
#   worker: node --import tsx src/composition/main-worker.ts (what `npm run worker` runs)
# Both need DATABASE_URL and TEMPORAL_ADDRESS; the image never runs the embedded
# PostgreSQL or the Temporal dev server that `npm start` uses on a developer machine.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    DATA_DIR=/app/.data \
    PORT=3000

WORKDIR /app

# Dependencies first, so a source change does not reinstall them. tsx is a runtime
# dependency: the project runs its TypeScript directly, there is no build step. The postinstall
# script mends postgres.js's connection queue (docs/performance.md).
COPY package.json package-lock.json ./
COPY scripts/postinstall ./scripts/postinstall
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY api ./api
COPY workflows ./workflows
COPY activities ./activities

# DATA_DIR only receives mail files when SMTP_URL is unset; it must be writable by the app user.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

EXPOSE 3000

# node itself is the process (not npm or the tsx CLI wrapper), so SIGTERM from
# `docker stop` reaches the app's own shutdown: API closes, worker drains, then exit.
CMD ["node", "--import", "tsx", "src/composition/main-api.ts"]
