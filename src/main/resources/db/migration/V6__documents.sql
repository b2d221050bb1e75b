-- Directive documents, their attached files and the graph of what implements what (issue 4).

CREATE TABLE document (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- what identifies the document whatever the spelling of its number: folded type | number
    -- without leading zeros | folded issuer | year | province for local issuers (TU, UBND...)
    identity_key       text    NOT NULL,
    symbol             text    NOT NULL CHECK (symbol <> ''),
    type               text,
    number             text    NOT NULL,
    year               int,
    issuer             text    NOT NULL,
    -- the province that qualifies a local issuer code: 1026-KL/TU of Quảng Ninh is not Lào Cai's
    issuer_province_id bigint REFERENCES org_unit (id),
    issuing_body_id    bigint REFERENCES org_unit (id),
    -- the locality whose staff keep and read it (with everything under it); null: national
    unit_id            bigint REFERENCES org_unit (id),
    issued_on          date,
    title              text,
    signer             text,
    body               text,
    status             text    NOT NULL DEFAULT 'in_force'
                       CHECK (status IN ('in_force', 'amended', 'replaced', 'expired')),
    -- false: known by number only, from a reference in another document
    registered         boolean NOT NULL DEFAULT true,
    warnings           text[]  NOT NULL DEFAULT '{}',
    -- folded words of number, title, body and attached files, for full-text search
    search             tsvector,
    -- number without leading zeros and the folded codes of type, issuer and year: "1026 kl tu"
    number_key         text    NOT NULL,
    codes              text[]  NOT NULL,
    version            int     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text    NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX document_identity ON document (identity_key);
CREATE INDEX document_search ON document USING gin (search);
CREATE INDEX document_number ON document (number_key);
CREATE INDEX document_unit ON document (unit_id);
CREATE INDEX document_issued ON document (issued_on);

CREATE TABLE document_file (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  bigint  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    name         text    NOT NULL,
    content_type text    NOT NULL,
    size         bigint  NOT NULL,
    sha256       bytea   NOT NULL,
    content      bytea   NOT NULL,
    text         text,
    warning      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text    NOT NULL
);

CREATE INDEX document_file_document ON document_file (document_id);

-- from_id's text refers to to_id; the relation is inferred from the words around the reference
-- until a user sets it (inferred = false), and a later re-reading of the text keeps a user's choice
CREATE TABLE document_link (
    from_id   bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    to_id     bigint NOT NULL REFERENCES document (id),
    relation  text   NOT NULL CHECK (relation IN ('implements', 'continues', 'amends', 'replaces', 'cites')),
    inferred  boolean NOT NULL DEFAULT true,
    raw       text,
    position  int,
    PRIMARY KEY (from_id, to_id),
    CHECK (from_id <> to_id)
);

CREATE INDEX document_link_to ON document_link (to_id);
