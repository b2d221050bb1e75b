package org.mandate.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: search, and the summaries each module contributes as htmx fragments. */
@Controller
class HomePage {
    @GetMapping("/")
    String home() {
        return "home";
    }
}
