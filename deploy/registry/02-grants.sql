-- School registry on PostgreSQL: the rights inside the database. Run as a superuser, connected to it:
--   psql -v ON_ERROR_STOP=1 -h registry-db -U postgres -d school_registry -f deploy/registry/02-grants.sql
-- Run it before Keycloak first connects: the default privileges below then cover every table and sequence
-- that the migrations create, now and after upgrades.
ALTER SCHEMA public OWNER TO keycloak_registry;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO registry_loader;
ALTER DEFAULT PRIVILEGES FOR ROLE keycloak_registry IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO registry_loader;
ALTER DEFAULT PRIVILEGES FOR ROLE keycloak_registry IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO registry_loader;
