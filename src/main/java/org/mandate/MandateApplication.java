package org.mandate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MandateApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("refs")) {
            System.exit(ReferencesCommand.run(args));
        }
        if (args.length > 0 && Commands.NAMES.contains(args[0])) {
            System.exit(Commands.run(args));
        }
        SpringApplication.run(MandateApplication.class, args);
    }
}
