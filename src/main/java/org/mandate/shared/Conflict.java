package org.mandate.shared;

/** A request that is well formed but contradicts what is recorded (HTTP 409). */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
