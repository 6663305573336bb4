-- The database and its two roles, as DatabaseProvisioning creates them for ./run.sh and the tests.
-- The postgres image runs this once, as its superuser, when the data volume is empty.
-- The passwords come from the container's environment (compose.yaml), read with psql's \getenv.
-- The migrations (Flyway, at deployment) then create the schema as charter_owner and grant charter_app its rights.

\set ON_ERROR_STOP on
\getenv owner_password CHARTER_DB_OWNER_PASSWORD
\getenv app_password CHARTER_DB_PASSWORD

-- Owns the schema and runs the migrations. Not a superuser: superusers are never subject to row-level security.
create role charter_owner login nosuperuser nocreatedb nocreaterole password :'owner_password';

-- The application's connection: owns nothing and cannot bypass row-level security.
create role charter_app login nosuperuser nocreatedb nocreaterole nobypassrls password :'app_password';

create database charter owner charter_owner encoding 'UTF8' template template0;
revoke all on database charter from public;
grant connect on database charter to charter_app;
