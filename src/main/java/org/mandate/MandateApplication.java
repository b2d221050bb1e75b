package org.mandate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mandate. Scheduled work (reminders, roll-ups kept ready) runs on the one scheduler enabled here. */
@SpringBootApplication
@EnableScheduling
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
