package org.mandate.document.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mandate.document.DocumentChange;
import org.mandate.document.DocumentStatus;
import org.mandate.document.NewDocument;
import org.mandate.shared.InputProblem;

/** Turns the API's and the pages' requests into the module's commands, naming the field that is wrong. */
final class Forms {
    private Forms() {}

    static NewDocument newDocument(DocumentRequest r) {
        if (r.symbol() == null || r.symbol().isBlank()) {
            throw InputProblem.field("symbol", "the number and symbol of the document is missing (such as 1026-KL/TU)");
        }
        return new NewDocument(
                r.symbol(),
                r.type(),
                r.issuingBody(),
                r.unit(),
                date("issuedOn", r.issuedOn()),
                r.title(),
                r.signer(),
                r.text(),
                status(r.status()));
    }

    static DocumentChange change(DocumentUpdate u) {
        if (u.version() == null) {
            throw InputProblem.field(
                    "version", "the version that was read is missing (it guards against lost updates)");
        }
        return new DocumentChange(
                u.version(), date("issuedOn", u.issuedOn()), u.title(), u.signer(), u.text(), status(u.status()));
    }

    static DocumentStatus status(@Nullable String status) {
        return status == null || status.isBlank() ? DocumentStatus.IN_FORCE : DocumentStatus.of(status);
    }

    static @Nullable LocalDate date(String field, @Nullable String text) {
        return org.mandate.shared.Dates.field(field, text);
    }

    static long id(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InputProblem.field(field, "'" + text + "' is not a document id");
        }
    }
}
