package org.mandate.web;

import org.mandate.shared.AccessDenied;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the server-rendered pages: the error page with the status and what to fix. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler
    ModelAndView badInput(InputProblem problem) {
        return page(HttpStatus.BAD_REQUEST, problem.getMessage());
    }

    @ExceptionHandler
    ModelAndView notFound(NotFound notFound) {
        return page(HttpStatus.NOT_FOUND, notFound.getMessage());
    }

    @ExceptionHandler
    ModelAndView denied(AccessDenied denied) {
        return page(HttpStatus.FORBIDDEN, denied.getMessage());
    }

    @ExceptionHandler
    ModelAndView conflict(Conflict conflict) {
        return page(HttpStatus.CONFLICT, conflict.getMessage());
    }

    private static ModelAndView page(HttpStatus status, String message) {
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
