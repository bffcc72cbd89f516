-- School registry on PostgreSQL: the database and its two users.
-- Run as a PostgreSQL superuser, connected to the "postgres" database:
--   psql -v ON_ERROR_STOP=1 -h registry-db -U postgres -d postgres -f deploy/registry/01-database-and-users.sql
-- Replace both passwords first (the end-to-end tests run this file with passwords of their own).
--
-- keycloak_registry: the user Keycloak connects as (spi-school-registry--jdbc--username). It owns the
--   schema: Keycloak applies the registry's Liquibase migrations with it at first use (or at startup with
--   initialize-at-startup=true) and after every upgrade, so it needs DDL rights.
-- registry_loader: the school's import job. Reads and writes the data, creates and drops nothing.
CREATE ROLE keycloak_registry LOGIN PASSWORD 'CHANGE-ME-keycloak-registry';
CREATE ROLE registry_loader LOGIN PASSWORD 'CHANGE-ME-registry-loader';
CREATE DATABASE school_registry OWNER keycloak_registry ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE school_registry FROM PUBLIC;
GRANT CONNECT ON DATABASE school_registry TO registry_loader;
