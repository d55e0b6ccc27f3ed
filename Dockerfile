# The app image: Node 20 with the API, the loader and the built web app; Neo4j runs in its own container.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
CMD ["npx", "tsx", "server/server.ts"]
