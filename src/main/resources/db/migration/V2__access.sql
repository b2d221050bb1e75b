-- People who sign in, and the part of the hierarchy each may change: a user scoped to a unit may
-- change that unit and everything under it; a null scope is the whole country.
CREATE TABLE app_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]+$'),
    password_hash text        NOT NULL,
    display_name  text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    scope_unit_id bigint REFERENCES org_unit (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
