package org.mandate.web;

import java.net.URI;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.mandate.shared.RowProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the HTTP API as RFC 9457 problem details that say what is wrong and where: the
 * {@code file}, {@code line} and {@code field} properties locate bad input, {@code detail} says why;
 * a file with many bad rows lists them all in {@code errors} ({@code row}, {@code column}, {@code reason}).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemDetails {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler
    ProblemDetail badInput(InputProblem problem) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem.getMessage());
        detail.setTitle("Invalid input");
        detail.setType(URI.create("urn:mandate:problem:invalid-input"));
        if (problem.file() != null) {
            detail.setProperty("file", problem.file());
        }
        if (problem.line() > 0) {
            detail.setProperty("line", problem.line());
        }
        if (problem.field() != null) {
            detail.setProperty("field", problem.field());
        }
        detail.setProperty("reason", problem.reason());
        if (problem instanceof RowProblems rows) {
            detail.setProperty("errors", rows.problems());
        }
        return detail;
    }

    @ExceptionHandler
    ProblemDetail conflict(Conflict conflict) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        detail.setTitle("Conflicts with the record");
        detail.setType(URI.create("urn:mandate:problem:conflict"));
        if (conflict.existing() != null) {
            detail.setProperty("existing", conflict.existing());
        }
        return detail;
    }

    @ExceptionHandler
    ProblemDetail denied(AccessDenied denied) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.getMessage());
        detail.setTitle("Outside your scope");
        detail.setType(URI.create("urn:mandate:problem:access-denied"));
        return detail;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound notFound) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        detail.setTitle("Not found");
        return detail;
    }

    /** The database's own rules (exclusion constraints, checks) are the last line; name the rule. */
    @ExceptionHandler
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info(
                "Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        var detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Refused by the registry's rules: " + e.getMostSpecificCause().getMessage());
        detail.setTitle("Conflicts with the record");
        detail.setType(URI.create("urn:mandate:problem:conflict"));
        return detail;
    }
}
