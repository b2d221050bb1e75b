package org.mandate.document;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A document with its text, warnings, files, and the documents it refers to and that refer to it. */
public record DocumentDetail(
        DocumentSummary summary,
        @Nullable String signer,
        @Nullable String body,
        List<String> warnings,
        int version,
        List<DocumentLink> refersTo,
        List<DocumentLink> referredBy,
        List<AttachedFile> files) {}
