package org.mandate.shared;

/** Something named by the request does not exist (HTTP 404). */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
