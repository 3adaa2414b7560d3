-- Runs once, when the Postgres volume is first initialised (docker-entrypoint-initdb.d).
-- One Postgres server holds both systems in separate databases:
--   temporal, temporal_visibility  created by temporalio/auto-setup on its first start
--   tend                           created here; Tend's server and workers apply their
--                                  Drizzle migrations to it on start-up
-- Idempotent (psql \gexec), so it is safe if POSTGRES_DB or POSTGRES_USER is also "tend".
SELECT 'CREATE DATABASE tend'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'tend')\gexec
