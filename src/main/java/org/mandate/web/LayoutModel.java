package org.mandate.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the shared layout needs on every page. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    /** The signed-in user's name, or null: the layout offers sign-in or the account and sign-out. */
    @ModelAttribute("currentUser")
    @org.jspecify.annotations.Nullable
    String currentUser(jakarta.servlet.http.HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    /**
     * Whether the signed-in user holds an administrator grant (the authority given at sign-in):
     * the layout then links to user administration, which checks the grant itself.
     */
    @ModelAttribute("administrator")
    boolean administrator(jakarta.servlet.http.HttpServletRequest request) {
        return request.isUserInRole("ADMIN");
    }

    /** The current page in the other language, keeping its query (date, parent, search). */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", other)
                .build()
                .toUriString();
    }
}
