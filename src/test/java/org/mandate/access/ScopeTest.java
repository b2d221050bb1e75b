package org.mandate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {
    private static final Grant COUNTRY_ADMIN = new Grant(1, Role.ADMIN, null, "Cả nước");
    private static final Grant COUNTRY_VIEWER = new Grant(2, Role.VIEWER, null, "Cả nước");
    private static final Grant PROVINCE_ADMIN = new Grant(3, Role.ADMIN, 22L, "Tỉnh Quảng Ninh");

    @Test
    void aWholeCountryAdministratorHoldsTheRoleOverTheWholeCountry() {
        assertThat(new Scope("a", List.of(COUNTRY_ADMIN)).wholeCountryAs(Role.ADMIN))
                .isTrue();
        // the role over a province, or another role over the country, is not it
        assertThat(new Scope("p", List.of(PROVINCE_ADMIN, COUNTRY_VIEWER)).wholeCountryAs(Role.ADMIN))
                .isFalse();
        assertThat(new Scope("p", List.of(PROVINCE_ADMIN, COUNTRY_VIEWER)).wholeCountryAs(Role.ADMIN, Role.VIEWER))
                .isTrue();
        assertThat(Scope.ANONYMOUS.wholeCountryAs(Role.ADMIN)).isFalse();
    }
}
