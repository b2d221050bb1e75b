package org.mandate.shared;

/** The signed-in user may not do this, here (HTTP 403). */
public class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
