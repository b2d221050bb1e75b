-- Feed-only tokens (docs/SECURITY.md, "Calendar feed tokens"): a token of kind 'feed' opens a unit's
-- calendar feed as ?token= and nothing else; one of kind 'api' is sent as a header and is refused in
-- a URL. Tokens issued before this migration were all API tokens.
ALTER TABLE api_token
    ADD COLUMN kind text NOT NULL DEFAULT 'api' CONSTRAINT api_token_kind CHECK (kind IN ('api', 'feed'));
