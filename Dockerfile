# One image for the web app and the worker; compose.yaml runs it as either.
#   docker build -t tunnelwatch .
#   docker run --env-file .env tunnelwatch npm run -s start:web      (or start:worker, db:migrate)
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
COPY . .
# npm ci also generates the Prisma client (postinstall); nothing else is downloaded at run time.
RUN npm ci --no-audit --no-fund && npm run build && npm cache clean --force
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["npm", "run", "-s", "start:web"]
