package org.mandate.backup;

/** A backup or restore that was not done, with a message for the person who asked for it. */
public class BackupRefused extends RuntimeException {
    public BackupRefused(String message) {
        super(message);
    }

    public BackupRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
